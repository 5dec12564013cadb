using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles;

/// <summary>PUT and DELETE of /api/v1/articles (write scope).</summary>
public static class ArticleWriteEndpoints
{
    public static RouteGroupBuilder MapArticleWrites(this RouteGroupBuilder group)
    {
        group.MapPut("/by-external-id/{externalId}", UpsertArticle).WithName("upsertArticle")
            .WithSummary("Create or update an article by externalId")
            .WithDescription("Idempotent upsert of one article in the NDJSON record shape (shared/formats/articles-ndjson.md). 201 when created, 200 when updated or unchanged. If-Match with the current ETag makes the write conditional (412 when stale); If-None-Match: * makes it create-only. Needs an API key with the write scope.")
            .Accepts<ArticleRecord>("application/json")
            .RequireAuthorization(Scopes.WritePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(ArticleExamples.Upsert);
        group.MapDelete("/{id:int}", DeleteArticle).WithName("deleteArticle")
            .WithSummary("Delete an article")
            .WithDescription("Removes the article. Publisher links from other articles to it become unresolved (they keep the externalId, url and title they were given) and resolve again if it comes back; computed similar links to it are removed, and the lists they were in recomputed. If-Match is honoured. Needs the write scope.")
            .RequireAuthorization(Scopes.WritePolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(ArticleExamples.Delete);
        return group;
    }

    private static async Task<Results<ReadModel.ArticleWrittenResult, ValidationProblem, ProblemHttpResult>> UpsertArticle(
        string externalId, HttpRequest request, ArticleWriter writer, GroupCommit group, IOptions<GroupCommitOptions> grouping, ArticleQueries queries,
        ReadModel.StoredArticles stored, NewsMetaMetrics metrics, CancellationToken ct)
    {
        var (record, bodyErrors) = await JsonBody.ReadAsync<ArticleRecord>(request, ct);
        if (record is null)
        {
            return Problems.Invalid(bodyErrors!);
        }

        if (record.ExternalId is not null && record.ExternalId != externalId)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["externalId"] = ["must match the externalId in the path (or be left out)"] });
        }

        record.ExternalId = externalId;
        var errors = ArticleRecordValidator.Validate(record);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        // The current representation is only read when the client made the write conditional, and then
        // inside the write's transaction, so a concurrent writer with the same ETag cannot slip in between.
        ProblemHttpResult? failed = null;
        Func<CancellationToken, Task<bool>>? precondition = Preconditions.Requested(request)
            ? async token => (failed = Preconditions.Check(request, await queries.GetByExternalIdAsync(externalId, token))) is null
            : null;
        // A conditional write checks its precondition inside its own transaction, so it is never grouped.
        var grouped = precondition is null && grouping.Value.GroupCommit ? await metrics.CountAsync(WritePaths.Rest, 1, group.WriteAsync(record, ct), g => [g.Outcome]) : null;
        var outcome = grouped?.Outcome ?? (await metrics.CountAsync(WritePaths.Rest, 1, writer.UpsertAsync([record], ct, precondition)))[0];
        if (outcome.Status == WriteStatus.PreconditionFailed)
        {
            return failed!;
        }

        if (outcome.Status == WriteStatus.Rejected)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: string.Join(" ", outcome.Errors!.Select(e => $"{e.Key} {string.Join("; ", e.Value)}")));
        }

        // A concurrent DELETE can remove the article between this write's commit and its read-back (it happens under mixed load).
        if ((grouped?.Article ?? (await stored.WrittenAsync([outcome.ArticleId], ct)).GetValueOrDefault(outcome.ArticleId)) is not { } article)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"The article was stored, then deleted by a concurrent request before it could be read back (externalId '{externalId}').");
        }

        return new ReadModel.ArticleWrittenResult(article, created: outcome.Status == WriteStatus.Created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteArticle(int id, HttpRequest request, ArticleWriter writer, ArticleQueries queries, NewsMetaMetrics metrics, CancellationToken ct)
    {
        // As for PUT: the representation the precondition is checked against is read inside the delete's transaction.
        ProblemHttpResult? failed = null;
        Func<CancellationToken, Task<bool>>? precondition = Preconditions.Requested(request)
            ? async token => (failed = Preconditions.Check(request, await queries.GetAsync(id, token))) is null
            : null;
        return await writer.DeleteAsync(id, ct, precondition) switch
        {
            DeleteStatus.Deleted => Deleted(metrics),
            DeleteStatus.PreconditionFailed => failed!,
            _ when request.Headers.IfMatch.Count > 0 => Problems.PreconditionFailed("If-Match was sent but the resource does not exist."),
            _ => Problems.NotFound($"No article has id {id}."),
        };
    }

    private static NoContent Deleted(NewsMetaMetrics metrics)
    {
        metrics.Wrote(WritePaths.Rest, WriteOutcomes.Deleted);
        return TypedResults.NoContent();
    }
}
