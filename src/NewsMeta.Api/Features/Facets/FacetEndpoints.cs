using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Search;

namespace NewsMeta.Api.Features.Facets;

/// <summary>GET /api/v1/articles/facets.</summary>
public static class FacetEndpoints
{
    public const int DefaultSize = 10;
    public const int MaxSize = 50;

    public static IEndpointRouteBuilder MapFacets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/articles/facets", GetFacets).WithTags("Articles").WithName("getArticleFacets")
            .CacheOutput(ResponseCache.Policy)
            .WithSummary("Count the matching articles by entity, keyword, source, credit, language and day")
            .WithDescription("Takes the filters of GET /articles and, optionally, q (as GET /search). Returns the total, the top entities per type, keywords, sources, credited agencies and languages with their article counts, and articles published per day. Exact counts over the whole matching set, computed in the database.")
            .ProducesValidationProblem()
            .WithExamples(FacetExamples.Facets);
        return app;
    }

    /// <param name="q">Optional full-text query (as GET /search): facets of the matching articles only.</param>
    /// <param name="size">Values per facet, 1–50 (default 10).</param>
    /// <param name="parameters"></param>
    /// <param name="facets"></param>
    /// <param name="variants"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<FacetsDto>, ValidationProblem>> GetFacets(
        [FromQuery] string? q, [FromQuery] string? size, [AsParameters] ArticleListParameters parameters, FacetQueries facets, Search.SearchVariants variants, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var filter = parameters.ToFilter(errors);
        var query = SearchText.Parse(q, errors, required: false);
        var values = ParseSize(size, errors);
        if (parameters.Limit is not null || parameters.Cursor is not null)
        {
            errors.Add("limit", "facets count the whole matching set: use size for the number of values per facet");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        query = query is null ? null : await variants.ExpandAsync(q!, query, ct);
        return TypedResults.Ok(await facets.ComputeAsync(filter, query, values, ct));
    }

    public static int ParseSize(string? size, QueryErrors errors)
    {
        if (string.IsNullOrEmpty(size))
        {
            return DefaultSize;
        }

        if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > MaxSize)
        {
            errors.Add("size", $"must be a whole number from 1 to {MaxSize}");
            return DefaultSize;
        }

        return value;
    }
}
