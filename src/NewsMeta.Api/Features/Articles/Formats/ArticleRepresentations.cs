using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Articles.Formats;

/// <summary>Answers article requests in the negotiated representation (JSON, JSON-LD or ninjs).</summary>
public static class ArticleRepresentations
{
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static ETaggedJson<ArticleDto> OneArticle(ArticleDto article, HttpRequest request) => ArticleMediaTypes.Negotiate(request) switch
    {
        ArticleFormat.JsonLd => ETaggedJson<ArticleDto>.As(article, JsonLdFormat.Article(article, BaseUrl(request)), ArticleMediaTypes.JsonLd),
        ArticleFormat.Ninjs => ETaggedJson<ArticleDto>.As(article, NinjsFormat.Article(article, BaseUrl(request)), ArticleMediaTypes.Ninjs),
        _ => new ETaggedJson<ArticleDto>(article),
    };

    /// <summary>
    /// A page of summaries: JSON as usual; JSON-LD as an ItemList; ninjs as <c>{"items":[ninjs…],"nextCursor"}</c>
    /// (ninjs describes one item, so the page around them stays ours). The Link header carries the next page in all three.
    /// </summary>
    /// <param name="parameters">The query string.</param>
    /// <param name="scope">Narrows the filter to the parent (an entity's, keyword's or source's articles).</param>
    /// <param name="queries">Article reads.</param>
    /// <param name="context">For the Accept and Link headers.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListAsync(
        ArticleListParameters parameters, Func<ArticleFilter, ArticleFilter> scope, ArticleQueries queries, HttpContext context, CancellationToken ct)
    {
        var format = ArticleMediaTypes.Negotiate(context.Request);
        var errors = new QueryErrors();
        var filter = scope(parameters.ToFilter(errors));
        var limit = PageLimits.Parse(parameters.Limit, errors);
        if (format == ArticleFormat.Json && !errors.Any)
        {
            // Every article list answers through here: the stored read model is asked for by the request's own
            // services rather than through each of the six endpoints' parameters.
            var stored = context.RequestServices.GetRequiredService<ReadModel.StoredArticles>();
            if (await stored.PageAsync(filter, limit, parameters.Cursor, errors, ct) is not { } json)
            {
                return Problems.Invalid(errors);
            }

            LinkHeader.AddNext(context, json.NextCursor);
            context.Response.Headers.Vary = "Accept";
            return TypedResults.Text(json.Body, "application/json; charset=utf-8");
        }

        var page = errors.Any ? null : await queries.ListAsync(filter, limit, parameters.Cursor, errors, ct);
        if (page is null)
        {
            return Problems.Invalid(errors);
        }

        LinkHeader.AddNext(context, page.NextCursor);
        context.Response.Headers.Vary = "Accept";
        var baseUrl = BaseUrl(context.Request);
        JsonNode? body = format switch
        {
            ArticleFormat.JsonLd => JsonLdFormat.List(page.Items, baseUrl),
            ArticleFormat.Ninjs => new JsonObject
            {
                ["items"] = new JsonArray([.. page.Items.Select(a => NinjsFormat.Article(a, baseUrl))]),
                ["nextCursor"] = page.NextCursor,
            },
            _ => null,
        };
        return body is null
            ? TypedResults.Ok(page)
            : TypedResults.Content(body.ToJsonString(Options), ArticleMediaTypes.ContentType(format), System.Text.Encoding.UTF8);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
