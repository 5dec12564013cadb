namespace NewsMeta.Text;

/// <summary>
/// A parsed search query: every clause must match (AND). A clause is one stem, or a phrase (text in
/// double quotes) whose stems must follow each other. Stop words are dropped, as in the index.
/// A query can have other branches (<see cref="Or"/>): the same query with an entity's name written
/// another way; an article matching any branch matches.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(List<IReadOnlyList<string>> clauses) => Branches = [clauses];

    private SearchQuery(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> branches) => Branches = branches;

    /// <summary>The clauses of the query as written (the first branch).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses => Branches[0];

    /// <summary>Alternative clause lists (OR); the first is the query as written.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Branches { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>Every stem of every branch, for highlighting (so the spelling an article uses is marked).</summary>
    public IReadOnlySet<string> Stems => Branches.SelectMany(b => b).SelectMany(c => c).ToHashSet(StringComparer.Ordinal);

    /// <summary>This query or <paramref name="other"/>: its branches are added after these (empty or repeated ones are not).</summary>
    public SearchQuery Or(SearchQuery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var branches = Branches.ToList();
        foreach (var branch in other.Branches.Where(b => b.Count > 0))
        {
            if (!branches.Any(b => b.Count == branch.Count && b.Zip(branch).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal))))
            {
                branches.Add(branch);
            }
        }

        return new SearchQuery(branches);
    }

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
