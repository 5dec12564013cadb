using NewsMeta.Api.Common;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>The rules a search text must meet, wherever one is taken (GET /search, facets, GraphQL).</summary>
public static class SearchText
{
    public const int MaxLength = 500;

    /// <summary>The parsed query, with a q error added when the text breaks a rule (or is missing and <paramref name="required"/>).</summary>
    public static SearchQuery? Parse(string? q, QueryErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            if (required || q is not null)
            {
                errors.Add("q", "is required");
            }

            return null;
        }

        var query = SearchQuery.Parse(q);
        if (q.Length > MaxLength)
        {
            errors.Add("q", $"must be at most {MaxLength} characters");
        }
        else if (query.IsEmpty)
        {
            errors.Add("q", "must contain a word that is not a stop word");
        }

        return query;
    }
}
