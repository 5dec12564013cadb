namespace NewsMeta.Text.Discovery;

/// <summary>A place (or international body) the gazetteer knows, by its usual name.</summary>
internal sealed record GazetteerEntry(string Name, DiscoveredType Type);

/// <summary>A gazetteer match: the entry, how many words it spans, and whether its spelling is also a common word.</summary>
internal readonly record struct GazetteerMatch(GazetteerEntry Entry, int Words, bool NeedsCue);

/// <summary>
/// Countries, capitals, large cities and a few international bodies, with the nisba adjectives that
/// stand for a country ("الروسي" → روسيا), read from the embedded <c>gazetteer.tsv</c>. Lookups are by
/// normalised first word, then the longest spelling that continues from it: constant work per word.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>The longest spelling, in words; bounds a lookup.</summary>
    public const int MaxWords = 5;

    /// <summary>Marks a spelling that is also a common word.</summary>
    private const char CommonWordMark = '~';

    private readonly Dictionary<string, List<(string[] Words, GazetteerEntry Entry, bool NeedsCue)>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> nisbas = new(StringComparer.Ordinal);

    public static Gazetteer Default { get; } = Load();

    /// <summary>
    /// Reads the tab-separated lines: type, name, other spellings (;), masculine definite nisbas (;). A spelling
    /// written with a leading <c>~</c> is also a common word ("سيول": Seoul, and "floods"): it names the place
    /// only after a place cue (see <see cref="PlaceCues"/>); the entry's name is stored without the mark.
    /// </summary>
    public static Gazetteer Parse(IEnumerable<string> lines)
    {
        var gazetteer = new Gazetteer();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            var type = columns[0] == "organization" ? DiscoveredType.Organization : DiscoveredType.Location;
            var entry = new GazetteerEntry(columns[1].TrimStart(CommonWordMark), type);
            foreach (var spelling in Column(columns, 2).Prepend(columns[1]))
            {
                gazetteer.AddSpelling(spelling, entry);
            }

            foreach (var nisba in Column(columns, 3).Select(ArabicNormalizer.Normalize))
            {
                gazetteer.nisbas.TryAdd(nisba, entry);
                gazetteer.nisbas.TryAdd(nisba + "ه", entry);
            }
        }

        return gazetteer;
    }

    /// <summary>The longest spelling that starts at <paramref name="start"/> (its first word may carry clitics), or null.</summary>
    public GazetteerMatch? Match(IReadOnlyList<DiscoveryWord> words, int start)
    {
        GazetteerMatch? best = null;
        foreach (var first in words[start].Forms)
        {
            if (!byFirstWord.TryGetValue(first, out var spellings))
            {
                continue;
            }

            foreach (var (spelling, entry, needsCue) in spellings)
            {
                if (spelling.Length > (best?.Words ?? 0) && Continues(words, start, spelling))
                {
                    best = new GazetteerMatch(entry, spelling.Length, needsCue);
                }
            }
        }

        return best;
    }

    /// <summary>The country a nisba adjective stands for ("الروسية" → روسيا), or null; never a word written with ى ("اليمنى").</summary>
    public GazetteerEntry? Nisba(DiscoveryWord word) =>
        word.AlefMaqsura ? null : word.Forms.Select(f => nisbas.GetValueOrDefault(f)).FirstOrDefault(e => e is not null);

    /// <summary>Whether a normalised word is a nisba adjective of a listed place.</summary>
    public bool IsNisba(string normalizedWord) => nisbas.ContainsKey(normalizedWord);

    /// <summary>Whether the normalised phrase is one of the gazetteer's spellings.</summary>
    public bool Knows(string normalizedPhrase)
    {
        var words = normalizedPhrase.Split(' ');
        return byFirstWord.TryGetValue(words[0], out var spellings) && spellings.Any(s => s.Words.SequenceEqual(words));
    }

    private static Gazetteer Load()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("NewsMeta.Text.Discovery.gazetteer.tsv")
            ?? throw new InvalidOperationException("The gazetteer resource is missing from NewsMeta.Text.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n'));
    }

    private static string[] Column(string[] columns, int index) =>
        index < columns.Length ? columns[index].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    private static bool Continues(IReadOnlyList<DiscoveryWord> words, int start, string[] spelling)
    {
        if (start + spelling.Length > words.Count)
        {
            return false;
        }

        for (var k = 1; k < spelling.Length; k++)
        {
            if (words[start + k].BreakBefore || words[start + k].Normalized != spelling[k])
            {
                return false;
            }
        }

        return true;
    }

    private void AddSpelling(string spelling, GazetteerEntry entry)
    {
        var needsCue = spelling.StartsWith(CommonWordMark);
        var words = ArabicNormalizer.Normalize(spelling.TrimStart(CommonWordMark)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxWords)
        {
            return;
        }

        if (!byFirstWord.TryGetValue(words[0], out var list))
        {
            byFirstWord[words[0]] = list = [];
        }

        list.Add((words, entry, needsCue));
    }
}
