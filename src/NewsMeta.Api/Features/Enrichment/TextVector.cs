using NewsMeta.Text;

namespace NewsMeta.Api.Features.Enrichment;

/// <summary>A text as counts of its word stems (stop words dropped, as in the search index), for cosine similarity.</summary>
public static class TextVector
{
    public static Dictionary<string, int> Of(string? text) =>
        TextAnalyzer.Terms(text).GroupBy(t => t.Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>0 when either text has no words, 1 when both use the same stems equally often.</summary>
    public static double Cosine(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var dot = 0.0;
        foreach (var (stem, count) in a)
        {
            dot += count * (double)b.GetValueOrDefault(stem);
        }

        return dot / (Norm(a) * Norm(b));
    }

    private static double Norm(Dictionary<string, int> v) => Math.Sqrt(v.Values.Sum(c => (double)c * c));
}
