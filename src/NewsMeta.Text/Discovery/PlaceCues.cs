namespace NewsMeta.Text.Discovery;

/// <summary>
/// Whether a gazetteer spelling that is also a common word ("سيول": Seoul, and "floods") stands for the place
/// where it is written: after a place head, perhaps with nisbas between ("العاصمة الكورية سيول"), or after
/// في/إلى/من when the clause ends with it or a definite word follows ("وصل الوفد إلى سيول، حيث",
/// "في سيول الأسبوع الماضي"). "من سيول غير مسبوقة" (from unprecedented floods) has neither.
/// </summary>
internal static class PlaceCues
{
    private static readonly HashSet<string> Prepositions = FunctionWords.Normalized("في", "إلى", "من", "وفي", "وإلى", "ومن");

    public static bool Before(IReadOnlyList<DiscoveryWord> words, int start, int length, Gazetteer gazetteer)
    {
        if (start == 0 || words[start].BreakBefore || words[start].QuoteBefore)
        {
            return false;
        }

        var k = start - 1;
        while (k > 0 && !words[k + 1].BreakBefore && gazetteer.Nisba(words[k]) is not null)
        {
            k--;
        }

        if (words[k].IsIn(DiscoveryCues.LocationHeads) && (k == start - 1 || !words[k + 1].BreakBefore))
        {
            return true;
        }

        var end = start + length;
        return Prepositions.Contains(words[start - 1].Normalized)
            && (end >= words.Count || words[end].BreakBefore || words[end].Normalized.StartsWith("ال", StringComparison.Ordinal));
    }
}
