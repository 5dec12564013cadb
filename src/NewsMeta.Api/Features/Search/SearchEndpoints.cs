using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>GET /api/v1/search.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/search").WithTags("Search").CacheOutput(ResponseCache.Policy);
        group.MapGet("/", Search).WithName("searchArticles")
            .WithSummary("Search articles (Arabic-aware full text)")
            .WithDescription("Full-text search over titles (weighted) and bodies, ranked by relevance, with the same filters as GET /articles. Arabic spelling variants meet: hamza forms, ة/ه, ى/ي, tashkeel, and attached clitics (و ف ب ك ل ال لل) do not matter. Words in double quotes must appear together as a phrase; all words must match. Items add score and highlights (title, body) whose <mark> tags wrap the original words; the rest is HTML-escaped.")
            .ProducesValidationProblem()
            .WithExamples(SearchExamples.Search);
        return group;
    }

    /// <param name="q">The query: words (all must match) and "phrases in double quotes".</param>
    /// <param name="parameters"></param>
    /// <param name="stored"></param>
    /// <param name="variants"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    /// <remarks>Answers with the JSON <see cref="StoredSearch"/> writes; the Ok type is what the OpenAPI document describes.</remarks>
    private static async Task<Results<Ok<Page<SearchResultDto>>, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> Search(
        [FromQuery] string? q, [AsParameters] ArticleListParameters parameters, StoredSearch stored, SearchVariants variants, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var query = SearchText.Parse(q, errors, required: true)!;

        var filter = parameters.ToFilter(errors);
        if (parameters.Sort is not null)
        {
            errors.Add("sort", "is not supported by search: results are ranked by relevance");
        }

        var limit = PageLimits.Parse(parameters.Limit, errors);
        var offset = SearchCursor.Decode(parameters.Cursor, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        // Most queries name no entity: then the page statement itself checks the catalogue version the
        // matcher was last checked under, and the separate freshness check is read only when it moved.
        var page = variants.VersionNamingNothing(q!) is { } version ? await stored.PageIfCatalogueAtAsync(version, query, filter, limit, offset, ct) : null;
        if (page is null)
        {
            query = await variants.ExpandAsync(q!, query, ct);
            page = await stored.PageAsync(query, filter, limit, offset, ct);
        }

        LinkHeader.AddNext(context, page.NextCursor);
        return TypedResults.Text(page.Body, "application/json; charset=utf-8");
    }
}

/// <summary>Search pages are offset-based: the cursor carries the offset of the next page.</summary>
public static class SearchCursor
{
    private const string Scope = "search";

    public static string Encode(int offset) => Cursor.Encode(Scope, offset, 1);

    public static int Decode(string? cursor, QueryErrors errors)
    {
        if (cursor is null)
        {
            return 0;
        }

        if (!Cursor.TryDecode(cursor, Scope, out var offset, out _) || offset is < 0 or > SearchQueries.MaxOffset)
        {
            errors.Add("cursor", "is not a cursor of this list; start again without it");
            return 0;
        }

        return (int)offset;
    }
}
