using static System.FormattableString;

namespace NewsMeta.Benchmarks;

/// <summary>
/// A production-sized entity catalogue: the sample corpus's real entities (names and aliases) first,
/// then invented ones up to the requested size. Deterministic, so every run measures the same trie.
/// </summary>
/// <remarks>
/// The invented names are made up for this benchmark from the lists below; they mimic the shapes a
/// news catalogue holds (two-word person names with a three-word alias, numbered placeholders,
/// companies with a group alias, institutions) so the trie gets realistic fan-out and depth.
/// </remarks>
public static class EntityCatalogue
{
    private static readonly string[] FirstNames =
    [
        "سامر", "نادر", "وسيم", "رائد", "ماهر", "باسل", "جاد", "زياد", "طارق", "فراس",
        "غسان", "هشام", "إياد", "كنان", "مازن", "نزار", "عماد", "قيس", "ضياء", "صهيب",
        "أنس", "بشير", "تميم", "ثامر", "حازم", "خلدون", "رامز", "شادي", "عاصم", "معتز",
        "لينا", "رنا", "سلمى", "هالة", "دانة", "ريم", "نور", "جمانة", "ميساء", "روان",
        "سوسن", "عبير", "غادة", "فدوى", "لمى", "منار", "نسرين", "هيفاء", "وعد", "يارا",
        "آمنة", "بتول", "تسنيم", "جنى", "حلا", "رغد", "سجى", "شهد", "ضحى", "عفاف",
    ];

    private static readonly string[] LastNames =
    [
        "الزيتوني", "القصباوي", "الرملاوي", "الشعباني", "البرقاوي", "الحجازين", "السنديان", "العطاري",
        "الفخراني", "القطامي", "الكرمي", "اللوزي", "المرجاني", "النخلاوي", "الهضباوي", "الوردان",
        "اليعقوبي", "الأصفري", "البيلساني", "التلاوي", "الجبالي", "الحوراني", "الخزامي", "الدرويشي",
        "الذهبي", "الرمادي", "الزعتري", "السماقي", "الشماسي", "الصفصافي", "الضاحي", "الطحان",
        "الظاهري", "العنبري", "الغزالي", "الفيروزي", "القرنفلي", "الكستناوي", "اللؤلؤي", "المسكي",
        "النعناعي", "الهيلاني", "الورداني", "الياسميني", "الأرزي", "البلوطي", "التوتي", "الجوزي",
        "الحناوي", "الخروبي", "الدفلاوي", "الريحاني", "الزنبقي", "السروي", "الشيحاوي", "الصنوبري",
        "الطرفاوي", "العرعري", "الغاري", "الفستقي",
    ];

    private static readonly string[] Institutions =
    [
        "مؤسسة", "جامعة", "مستشفى", "مصرف", "نادي", "جمعية", "مصنع", "مرفأ", "هيئة", "معهد", "مجلس", "صندوق",
    ];

    /// <summary>Ids and spellings (name and each alias) of <paramref name="entityCount"/> entities.</summary>
    public static List<(int EntityId, string Spelling)> Spellings(IEnumerable<SampleArticle> articles, int entityCount)
    {
        var spellings = new List<(int, string)>();

        // Real entities first (lower ids win shared spellings), merged by name across articles.
        var real = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var entity in articles.SelectMany(a => a.Entities))
        {
            if (!real.TryGetValue(entity.Name, out var aliases))
            {
                aliases = new SortedSet<string>(StringComparer.Ordinal);
                real.Add(entity.Name, aliases);
            }

            aliases.UnionWith(entity.Aliases);
        }

        var id = 0;
        foreach (var (name, aliases) in real.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (++id > entityCount)
            {
                return spellings;
            }

            spellings.Add((id, name));
            spellings.AddRange(aliases.Select(alias => (id, alias)));
        }

        for (var n = 0; id < entityCount; n++)
        {
            id++;
            var k = n / 4;
            switch (n % 4)
            {
                case 0:
                    // 60 × 60 = 3,600 distinct two-word names; the alias adds the father's name.
                    var first = FirstNames[k % FirstNames.Length];
                    var last = LastNames[k / FirstNames.Length % LastNames.Length];
                    var father = FirstNames[(k + 7) % FirstNames.Length];
                    var round = k / (FirstNames.Length * LastNames.Length);
                    var suffix = round == 0 ? string.Empty : Invariant($" {round + 1}");
                    spellings.Add((id, $"{first} {last}{suffix}"));
                    spellings.Add((id, $"{first} {father} {last}{suffix}"));
                    break;
                case 1:
                    spellings.Add((id, Invariant($"شخصية {k + 1}")));
                    break;
                case 2:
                    spellings.Add((id, Invariant($"شركة النجم {k + 1}")));
                    spellings.Add((id, Invariant($"مجموعة النجم {k + 1}")));
                    break;
                default:
                    var institution = Institutions[k % Institutions.Length];
                    var family = LastNames[k / Institutions.Length % LastNames.Length];
                    var batch = k / (Institutions.Length * LastNames.Length);
                    spellings.Add((id, batch == 0 ? $"{institution} {family}" : Invariant($"{institution} {family} {batch + 1}")));
                    break;
            }
        }

        return spellings;
    }
}
