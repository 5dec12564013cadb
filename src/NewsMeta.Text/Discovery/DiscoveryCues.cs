namespace NewsMeta.Text.Discovery;

/// <summary>
/// The words Arabic news writing puts before a name, which tell what kind of name follows. Written as
/// a reader spells them, compared in <see cref="ArabicNormalizer"/> form on a word without its clitics
/// (so "وقال الرئيس", "للرئيس" and "والرئيس" all show the cue "الرئيس").
/// </summary>
internal static class DiscoveryCues
{
    /// <summary>Titles and roles a person's name follows, perhaps after modifiers: "الرئيس الروسي فلاديمير بوتين".</summary>
    public static readonly HashSet<string> PersonRoles = FunctionWords.Normalized(
        "الرئيس", "رئيس", "رئيسة", "الرئيسة", "الملياردير", "المليارديرة", "المتحدث", "المتحدثة", "متحدث", "الناطق", "الناطقة", "وزير", "وزيرة", "الوزير", "الوزيرة",
        "زعيم", "الزعيم", "زعيمة", "الصحافي", "الصحافية", "الصحفي", "الصحفية", "المهندس", "المهندسة", "الدكتور", "الدكتورة", "د", "الكاتب", "الكاتبة", "الروائي", "الروائية",
        "الشاعر", "الشاعرة", "المخرج", "المخرجة", "الفنان", "الفنانة", "المدرب", "مدرب", "المدربة", "اللاعب", "اللاعبة", "لاعب", "لاعبة", "النجم", "النجمة", "المهاجم", "الحارس", "المدافع", "لاعب الوسط",
        "المدير", "مدير", "مديرة", "المديرة", "السفير", "السفيرة", "سفير", "الملك", "الملكة", "الأمير", "الأميرة", "الشيخ", "السيد", "السيدة", "الباحث", "الباحثة", "الخبير", "الخبيرة",
        "المحلل", "المحللة", "المستشار", "المستشارة", "النائب", "النائبة", "القاضي", "القاضية", "المحامي", "المحامية", "الممثل", "الممثلة", "المغني", "المغنية", "المطرب", "المطربة",
        "الرسام", "الرسامة", "المؤرخ", "المؤرخة", "البروفيسور", "الأستاذ", "الأستاذة", "المراسل", "المراسلة", "الحاكم", "المحافظ", "محافظ", "المحافظة", "عمدة", "العمدة", "قائد", "القائد",
        "الجنرال", "العقيد", "اللواء", "المصور", "المصورة", "الملحن", "الملحنة", "المتسابق", "المتسابقة", "البطل", "البطلة", "العداء", "العداءة", "السباح", "السباحة", "الناشط", "الناشطة",
        "المؤسس", "مؤسس", "المالك", "مالكة", "الطبيب", "الطبيبة", "المعلق", "المعلقة", "المقدم", "المقدمة", "الإعلامي", "الإعلامية", "المفوض", "المفوضة", "الأمين",
        "نائب", "نائبة", "عميد", "عميدة", "المنتج", "المنتجة", "المصمم", "المصممة", "الناقد", "الناقدة", "المهاجمة", "الحارسة", "الرباع", "الرباعة", "الملاكم", "الملاكمة", "الكابتن",
        "نظير", "نظيره", "نظيرها", "نظيرته", "قائدة", "مرشح", "المرشح", "مرشحة", "المرشحة",
        "رجل الأعمال", "سيدة الأعمال", "رئيس الوزراء", "رئيسة الوزراء", "رئيس الحكومة", "ولي العهد");

    /// <summary>Words between a role and its person's name: "المتحدث باسم الوزارة سامر الخطيب".</summary>
    public static readonly HashSet<string> RoleLinks = FunctionWords.Normalized(
        "باسم", "باسمه", "باسمها", "وزراء", "مجلس", "إدارة", "ادارة", "شؤون", "عام", "تحرير", "أعمال", "التنفيذي", "العام");

    /// <summary>
    /// Heads of organisation names: "وزارة النقل", "صحيفة الشروق اليومية", "شركة "نور للنقل"". Only the
    /// indefinite form starts a name: "الوزارة" alone points back at one already named.
    /// </summary>
    public static readonly HashSet<string> OrganizationHeads = FunctionWords.Normalized(
        "صحيفة", "جريدة", "مجلة", "وكالة", "شركة", "حزب", "وزارة", "جامعة", "منظمة", "هيئة", "جمعية", "بنك", "مصرف", "مجلس", "اتحاد",
        "رابطة", "قناة", "إذاعة", "معهد", "مستشفى", "بلدية", "محكمة", "متحف", "مكتبة", "فرقة", "صندوق", "بورصة", "تحالف", "حركة", "جبهة", "أكاديمية",
        "مختبر", "مصنع", "ائتلاف", "نادي", "منتخب", "نقابة", "غرفة", "مؤسسة", "مجموعة", "خدمة", "موقع", "مركز", "دار", "منصة", "تطبيق", "مجمع", "كلية", "مدرسة", "برلمان");

    /// <summary>
    /// Heads that name an organisation in the definite form when a nisba adjective follows:
    /// "البنك المركزي المصري", "المنتخب المغربي", "المفوضية الأوروبية".
    /// </summary>
    public static readonly HashSet<string> DefiniteHeads = FunctionWords.Normalized(
        "البنك", "المصرف", "الاتحاد", "الحزب", "المجلس", "المفوضية", "الصندوق", "الهيئة", "المنظمة", "الوكالة", "الجامعة", "المنتخب");

    /// <summary>What follows a head in a common noun phrase, not a name: "مجلس إدارة الشركة".</summary>
    public static readonly HashSet<string> NotNamesAfterHead = FunctionWords.Normalized("إدارة", "الإدارة", "أمناء", "الأمناء");

    /// <summary>Adjectives that describe an organisation without being part of its name: "حزب التقدم المعارض".</summary>
    public static readonly HashSet<string> AfterOrganizationAdjectives = FunctionWords.Normalized(
        "المعارض", "المعارضة", "الحاكم", "الحاكمة", "الناشئ", "الناشئة", "الرسمي", "الرسمية", "الخاصة", "الكبرى", "العملاق", "العملاقة");

    /// <summary>Second words of compound first names: "حسام الدين", "عبد الله".</summary>
    public static readonly HashSet<string> CompoundNameEnds = FunctionWords.Normalized("الدين", "الله", "الرحمن", "الإسلام");

    /// <summary>Heads that are common nouns as often as names ("موقع الحادث", "حركة السفن"): they start a name only before quotes.</summary>
    public static readonly HashSet<string> QuotedOnlyHeads = FunctionWords.Normalized(
        "حركة", "برلمان", "مؤسسة", "مجموعة", "خدمة", "موقع", "مركز", "دار", "منصة", "تطبيق", "مجمع", "مدرسة", "مختبر", "مصنع");

    /// <summary>Words before a place name: "مدينة الريان", "العاصمة الفرنسية باريس".</summary>
    public static readonly HashSet<string> LocationHeads = FunctionWords.Normalized(
        "مدينة", "المدينة", "بلدة", "قرية", "العاصمة", "عاصمة", "محافظة", "ولاية", "إقليم", "جزيرة", "ميناء");

    /// <summary>Words inside a person's name that join its parts: "عبد الله", "خالد بن عمر".</summary>
    public static readonly HashSet<string> NameParticles = FunctionWords.Normalized("بن", "ابن", "بنت", "أبو", "ابو", "أبي", "عبد", "آل", "ولد", "دي", "فون", "فان");

    /// <summary>Adjectives that follow a name without being part of it.</summary>
    public static readonly HashSet<string> AfterNameAdjectives = FunctionWords.Normalized(
        "السابق", "السابقة", "الحالي", "الحالية", "الجديد", "الجديدة", "الأسبق", "نفسه", "نفسها", "شخصيا", "الراحل", "الراحلة", "الأول", "الأولى", "الثاني", "الثانية", "المقبل", "المقبلة");

    /// <summary>
    /// Present-tense first names that look like verbs (ي/ت prefix): the only such words a name may hold
    /// after its first word. Any other word of that shape after a name is taken for the verb that follows it.
    /// </summary>
    public static readonly HashSet<string> VerbLikeNames = FunctionWords.Normalized(
        "يوسف", "يحيى", "يونس", "ياسر", "ياسين", "يزيد", "يعقوب", "ياسمين", "يسرا", "يمنى", "يامن", "يسري", "يعرب",
        "تامر", "توفيق", "تيسير", "تغريد", "تسنيم", "تقي", "تالا", "تهاني", "تميم", "توما");
}
