using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>One search result as GraphQL serves it: the article is loaded (batched) only when selected.</summary>
public sealed record SearchResultRow(int ArticleId, double Score, SearchHighlightsDto Highlights);

public sealed class SearchResultGraphType : ObjectGraphType<SearchResultRow>
{
    public SearchResultGraphType()
    {
        Name = "SearchResult";
        Description = "An article that matches a search, with its relevance and highlights.";
        Field<NonNullGraphType<ArticleGraphType>>("article").Resolve(c => c.Service<ArticleLoaders>().ById.Load(c.Source.ArticleId));
        Field(r => r.Score).Description("Relevance; higher is better, comparable within one query only.");
        Field<NonNullGraphType<SearchHighlightsGraphType>>("highlights").Resolve(c => c.Source.Highlights);
    }
}

public sealed class SearchHighlightsGraphType : ObjectGraphType<SearchHighlightsDto>
{
    public SearchHighlightsGraphType()
    {
        Name = "SearchHighlights";
        Description = "Matched words wrapped in <mark> in the original text; everything else HTML-escaped.";
        Field(h => h.Title).Description("The whole title.");
        Field(h => h.Body).Description("About 30 words of summary and body around the first match.");
    }
}

public sealed class SearchResultEdgeGraphType() : EdgeGraphType<SearchResultRow, SearchResultGraphType>("SearchResult");

public sealed class SearchResultConnectionGraphType() : ConnectionGraphType<SearchResultRow, SearchResultGraphType, SearchResultEdgeGraphType>("SearchResult");

/// <summary>The root <c>search</c> field: ranked by relevance, paged forwards by offset cursors.</summary>
public static class SearchField
{
    public static void AddSearchField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchResultConnectionGraphType>>("search")
            .Description("Arabic-aware full-text search: all words must match, \"quoted phrases\" in order; hamza forms, ة/ه, tashkeel and clitics do not matter. Ranked by relevance.")
            .Argument<NonNullGraphType<StringGraphType>>("query", "Words and \"phrases\" (at most 500 characters).")
            .Argument<IntGraphType>("first", "Page size (0–100, default 20).")
            .Argument<StringGraphType>("after", "endCursor of the previous page.")
            .Argument<ArticleFilterGraphType>("where")
            .ResolveAsync(async c => await ResolveAsync(c));

    private static async Task<Connection<SearchResultRow>> ResolveAsync(IResolveFieldContext c)
    {
        var text = c.GetArgument<string>("query");
        var query = SearchQuery.Parse(text);
        if (text.Length > 500 || query.IsEmpty)
        {
            throw new UserInputError("query", "must hold a word that is not a stop word, in at most 500 characters");
        }

        var args = PageArgs.From(c);
        var errors = new Common.QueryErrors();
        var offset = SearchCursor.Decode(args.After, errors);
        if (errors.Any)
        {
            throw new UserInputError("after", "is not a cursor of this list; start again without it");
        }

        var filter = ArticleFilterInput.From(c);
        var queries = c.Service<SearchQueries>();
        query = await c.Service<SearchVariants>().ExpandAsync(text, query, c.CancellationToken);
        var page = await queries.RankAsync(query, filter, args.Size, offset, c.CancellationToken);
        var edges = page.Hits.Select((h, i) => new Edge<SearchResultRow>(SearchCursor.Encode(offset + i + 1), new SearchResultRow(h.ArticleId, h.Score, h.Highlights))).ToList();
        return new Connection<SearchResultRow>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasMore,
                HasPreviousPage = offset > 0,
                StartCursor = edges.Count > 0 ? edges[0].Cursor : null,
                EndCursor = edges.Count > 0 ? edges[^1].Cursor : null,
            },
            TotalCount = ct => queries.CountAsync(query, filter, ct),
        };
    }
}
