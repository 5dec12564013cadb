namespace NewsMeta.Text;

/// <summary>
/// Words that cannot begin, end or be a keyphrase, and that end a name: <see cref="StopWords"/> plus
/// the adverbial heads, time words and reporting verbs news prose is full of. Kept apart from
/// <see cref="StopWords"/> because search must still find "اليوم" or "قال" when a reader asks for them.
/// All lists are written as a reader spells them and compared in <see cref="ArabicNormalizer"/> form.
/// </summary>
public static class FunctionWords
{
    /// <summary>Heads of adverbial phrases: "بشكل جذري", "بصورة كبيرة". The word after one belongs to it.</summary>
    private static readonly HashSet<string> AdverbialHeads = Normalized(
        "بشكل", "بصورة", "بطريقة", "بنحو", "بدرجة", "بنسبة", "بمعدل", "بقدر", "بحسب", "وفق", "وفقا", "طبقا", "نظرا", "علاوة", "إضافة", "فضلا");

    /// <summary>Days, months and other words that place a sentence in time, never a topic or a name.</summary>
    private static readonly HashSet<string> TimeWords = Normalized(
        "اليوم", "أمس", "غدا", "الليلة", "صباح", "مساء", "صباحا", "مساء", "ظهر", "فجر", "يوم", "أسبوع", "الأسبوع", "شهر", "الشهر", "عام", "العام", "سنة", "السنة",
        "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
        "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
        "المقبل", "المقبلة", "الماضي", "الماضية", "الجاري", "الجارية", "الحالي", "الحالية", "حاليا", "مؤخرا", "سابقا", "لاحقا", "قريبا", "الآن", "حينها", "آنذاك");

    /// <summary>Adverbs, connectives and quantity words that carry no topic.</summary>
    private static readonly HashSet<string> Connectives = Normalized(
        "أيضا", "كذلك", "جدا", "تقريبا", "حوالي", "نحو", "قرابة", "أكثر", "أقل", "بينما", "عندما", "حين", "حينما", "بعدما", "قبلما", "كلما", "لأن", "لان", "بأن", "بان", "إنه", "إنها", "أنه", "أنها",
        "لدى", "أمام", "خلف", "فوق", "تحت", "وراء", "إثر", "عقب", "جراء", "بسبب", "رغم", "برغم", "ضمن", "عبر", "لدى", "حسب", "بحسب", "مثل", "سوى", "إلا", "الا", "ذاته", "ذاتها", "نفسه", "نفسها",
        "وذلك", "وهذا", "وهذه", "التي", "الذي", "كل", "جميع", "معظم", "أغلب", "عدد", "بعض", "إحدى", "أحد", "وسط", "أول", "آخر", "أخرى", "عدة", "عديد", "كثير", "قليل", "مجرد", "مرة", "مرات",
                "يمكن", "ويمكن", "يجب", "ينبغي", "لابد", "تم", "وتم", "يتم", "سيتم", "جرى", "ما", "وما", "كما", "وكما", "أما", "وأما", "إذ", "إذا", "لو", "لولا", "حتى", "فقد", "وقد", "قد", "ولم", "ولن", "ولا");

    /// <summary>Verbs that report speech or announce, and the commonest verbs of news sentences.</summary>
    private static readonly HashSet<string> NewsVerbs = Normalized(
        "قال", "قالت", "وقال", "وقالت", "يقول", "تقول", "أضاف", "أضافت", "وأضاف", "وأضافت", "أكد", "أكدت", "وأكد", "وأكدت", "يؤكد", "تؤكد", "أعلن", "أعلنت", "وأعلن", "وأعلنت", "يعلن", "تعلن",
        "أوضح", "أوضحت", "وأوضح", "وأوضحت", "أشار", "أشارت", "وأشار", "وأشارت", "يشير", "تشير", "صرح", "صرحت", "وصرح", "ذكر", "ذكرت", "وذكر", "وذكرت", "تابع", "وتابع", "تابعت", "وتابعت",
        "أفاد", "أفادت", "وأفاد", "وأفادت", "كشف", "كشفت", "وكشف", "وكشفت", "يكشف", "تكشف", "نفى", "نفت", "ونفى", "ونفت", "رأى", "رأت", "ورأى", "ورأت", "اعتبر", "اعتبرت", "واعتبر",
        "زار", "زارت", "يزور", "تزور", "التقى", "التقت", "يلتقي", "تلتقي", "وصل", "وصلت", "يصل", "تصل", "غادر", "غادرت", "فاز", "فازت", "يفوز", "تفوز", "حقق", "حققت", "يحقق", "تحقق",
        "وقع", "وقعت", "يوقع", "توقع", "افتتح", "افتتحت", "يفتتح", "تفتتح", "أطلق", "أطلقت", "يطلق", "تطلق", "قرر", "قررت", "يقرر", "تقرر", "دعا", "دعت", "يدعو", "تدعو", "طالب", "طالبت", "يطالب", "تطالب",
        "استقبل", "استقبلت", "يستقبل", "تستقبل", "شارك", "شاركت", "يشارك", "تشارك", "ترأس", "ترأست", "يترأس", "أصدر", "أصدرت", "يصدر", "تصدر", "عقد", "عقدت", "يعقد", "تعقد", "بدأ", "بدأت", "يبدأ", "تبدأ",
        "سجل", "سجلت", "يسجل", "تسجل", "قاد", "قادت", "يقود", "تقود", "حذر", "حذرت", "يحذر", "تحذر", "رحب", "رحبت", "يرحب", "ترحب", "وعد", "وعدت", "يعد", "تعد", "أجرى", "أجرت", "يجري", "تجري",
        "اتهم", "اتهمت", "يتهم", "تتهم", "انتقد", "انتقدت", "ينتقد", "تنتقد", "أعرب", "أعربت", "يعرب", "تعرب", "استبعد", "استبعدت", "يستبعد", "وافق", "وافقت", "يوافق", "توافق", "رفض", "رفضت", "يرفض", "ترفض",
        "نشر", "نشرت", "ينشر", "تنشر", "أصبح", "أصبحت", "يصبح", "تصبح", "ظهر", "ظهرت", "يظهر", "تظهر", "اختار", "اختارت", "يختار", "تختار", "خسر", "خسرت", "يخسر", "تخسر", "أنهى", "أنهت", "ينهي", "تنهي",
        "أبدى", "أبدت", "بلغ", "بلغت", "أقيم", "أقيمت", "أدلى", "أدلت", "جمع", "جمعت", "قطع", "قطعت", "أقر", "أقرت", "يقر", "تقر", "شهد", "شهدت", "يشهد", "تشهد");

    /// <summary>Adjectives of size and novelty, ordinals, numbers and currencies: real words, but never what a story is about.</summary>
    private static readonly HashSet<string> Qualifiers = Normalized(
        "كبير", "كبيرة", "أكبر", "أعلى", "أدنى", "أفضل", "جديد", "جديدة", "الجديد", "الجديدة", "مختلف", "مختلفة",
        "ريال", "دينار", "درهم", "يورو", "جنيه", "الأولى", "الثاني", "الثانية", "الثالث", "الثالثة", "الرابع", "الرابعة", "التوالي", "السابق", "السابقة",
        "مليون", "ملايين", "مليار", "مليارات", "ألف", "آلاف", "مئة", "مائة", "دولار", "دولارا", "دولارات", "بالمئة", "المئة");

    private static readonly HashSet<string> All = [.. AdverbialHeads, .. TimeWords, .. Connectives, .. NewsVerbs, .. Qualifiers];

    /// <summary>A stop word, adverbial head, time word, connective or news verb (word in normalised form).</summary>
    public static bool Contains(string normalizedWord) => StopWords.Contains(normalizedWord) || All.Contains(normalizedWord);

    /// <summary>
    /// A verb by its shape, for words no list holds: a present tense with ي (4+ letters; "يجمع", "ينتقل"),
    /// a future with س, a feminine past ("حطمت", "ارتفعت"), or a present with ت when 5+ letters and not a verbal noun's pattern ("ترتفع" but not "تمويل", "تعاون", "تنمية").
    /// Both sides of the test are approximate; it is used where dropping a noun costs little (keyphrases).
    /// </summary>
    public static bool LooksLikeVerb(string normalizedWord)
    {
        var w = normalizedWord;
        if (IsNewsVerb(w))
        {
            return true;
        }

        // "تتغير", "يتحدث": the present of a fifth-form verb.
        if (w.Length >= 5 && (w.StartsWith("تت", StringComparison.Ordinal) || w.StartsWith("يت", StringComparison.Ordinal)))
        {
            return true;
        }

        if (w.Length >= 4 && w[0] == 'ي' && !w.EndsWith('ه'))
        {
            return true;
        }

        // The future ("ستخصص", "سيلتقي") and a past tense with the feminine ت ("حطمت", "ارتفعت").
        if (w.Length >= 4 && w[0] == 'س' && w[1] is 'ي' or 'ت' or 'ن')
        {
            return true;
        }

        if (w.Length >= 4 && w.EndsWith('ت') && !w.StartsWith("ال", StringComparison.Ordinal) && w[^2] is not ('ا' or 'و' or 'ي') && (w.Length == 4 || w[0] == 'ا'))
        {
            return true;
        }

        return w.Length >= 5 && w[0] == 'ت' && w[^2] is not ('ي' or 'ا' or 'و') && w[2] != 'ا' && !w.EndsWith('ه') && !w.EndsWith("ات", StringComparison.Ordinal);
    }

    /// <summary>A stop word, adverbial head or connective: a word a phrase cannot end on ("في", "فوق", "بشكل").</summary>
    public static bool IsParticle(string normalizedWord) => StopWords.Contains(normalizedWord) || AdverbialHeads.Contains(normalizedWord) || Connectives.Contains(normalizedWord);

    /// <summary>"بشكل", "بصورة"…: the head of an adverbial phrase, whose next word is part of it.</summary>
    public static bool IsAdverbialHead(string normalizedWord) => AdverbialHeads.Contains(normalizedWord);

    /// <summary>A word that places a sentence in time ("الثلاثاء", "المقبل").</summary>
    public static bool IsTimeWord(string normalizedWord) => TimeWords.Contains(normalizedWord);

    /// <summary>A reporting or common news verb ("قال", "أعلنت", "يلتقي").</summary>
    public static bool IsNewsVerb(string normalizedWord) => NewsVerbs.Contains(normalizedWord);

    internal static HashSet<string> Normalized(params string[] words) =>
        words.Select(ArabicNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
}
