namespace NewsMeta.Text;

/// <summary>
/// A parsed search query: every clause must match (AND). A clause is one stem, or a phrase (text in
/// double quotes) whose stems must follow each other. Stop words are dropped, as in the index.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(List<IReadOnlyList<string>> clauses) => Clauses = clauses;

    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>Every stem of the query, for highlighting.</summary>
    public IReadOnlySet<string> Stems => Clauses.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);

    public static SearchQuery Parse(string? query)
    {
        var clauses = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchQuery(clauses);
        }

        // Split on double quotes (straight or typographic): odd segments are phrases. An unclosed quote runs to the end.
        var segments = query.Replace('“', '"').Replace('”', '"').Replace('«', '"').Replace('»', '"').Split('"');
        for (var i = 0; i < segments.Length; i++)
        {
            var stems = TextAnalyzer.Terms(segments[i]).Select(t => t.Stem).ToList();
            if (i % 2 == 1)
            {
                if (stems.Count > 0)
                {
                    clauses.Add(stems);
                }
            }
            else
            {
                clauses.AddRange(stems.Distinct(StringComparer.Ordinal).Select(s => (IReadOnlyList<string>)[s]));
            }
        }

        return new SearchQuery(clauses);
    }
}
