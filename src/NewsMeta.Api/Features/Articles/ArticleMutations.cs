using GraphQL;
using GraphQL.Types;
using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

public sealed record UpsertArticlePayload(ArticleRow? Article, WriteStatus? Status, IReadOnlyList<UserError> UserErrors);

public sealed record DeleteArticlePayload(string? DeletedId, int? DeletedDatabaseId, IReadOnlyList<UserError> UserErrors);

/// <summary>upsertArticle and deleteArticle: the REST rules (validator, writer) behind a GraphQL shape.</summary>
public static class ArticleMutations
{
    public static void AddArticleMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UpsertArticlePayloadGraphType>>("upsertArticle")
            .Description("Creates or updates the article with input.externalId (idempotent: the same input twice stores one article).")
            .Argument<NonNullGraphType<UpsertArticleInputGraphType>>("input")
            .ResolveAsync(async c => await UpsertAsync(c));
        mutation.Field<NonNullGraphType<DeleteArticlePayloadGraphType>>("deleteArticle")
            .Description("Deletes an article. Publisher links from other articles to it become unresolved, and resolve again if it comes back; computed similar links to it are removed, and the lists they were in recomputed.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id or databaseId of the article.")
            .ResolveAsync(async c => await DeleteAsync(c));
    }

    private static async Task<UpsertArticlePayload> UpsertAsync(IResolveFieldContext c)
    {
        MutationFields.RequireWriteScope(c);
        var record = c.GetArgument<UpsertArticleInput>("input").ToRecord();
        var errors = ArticleRecordValidator.Validate(record);
        if (errors.Count > 0)
        {
            return new UpsertArticlePayload(null, null, UserError.From(errors));
        }

        var outcome = (await c.Service<NewsMetaMetrics>().CountAsync(WritePaths.GraphQL, 1, c.Service<ArticleWriter>().UpsertAsync([record], c.CancellationToken)))[0];
        if (outcome.Status == WriteStatus.Rejected)
        {
            return new UpsertArticlePayload(null, outcome.Status, UserError.From(outcome.Errors!));
        }

        var article = await c.Service<NewsDbContext>().Articles.AsNoTracking().Where(a => a.Id == outcome.ArticleId)
            .ProjectToType<ArticleRow>(c.Service<TypeAdapterConfig>()).FirstOrDefaultAsync(c.CancellationToken);
        // A concurrent delete can remove it between the write's commit and this read-back.
        return article is null
            ? new UpsertArticlePayload(null, outcome.Status, [new UserError("externalId", "the article was stored, then deleted by a concurrent request")])
            : new UpsertArticlePayload(article, outcome.Status, []);
    }

    private static async Task<DeleteArticlePayload> DeleteAsync(IResolveFieldContext c)
    {
        MutationFields.RequireWriteScope(c);
        var id = IdArguments.Parse("id", c.GetArgument<string>("id"), GlobalId.Article);
        if (await c.Service<ArticleWriter>().DeleteAsync(id, c.CancellationToken) != DeleteStatus.Deleted)
        {
            return new DeleteArticlePayload(null, null, [new UserError("id", "no article has this id")]);
        }

        c.Service<NewsMetaMetrics>().Wrote(WritePaths.GraphQL, WriteOutcomes.Deleted);
        return new DeleteArticlePayload(GlobalId.Encode(GlobalId.Article, id), id, []);
    }
}

public sealed class UpsertArticlePayloadGraphType : ObjectGraphType<UpsertArticlePayload>
{
    public UpsertArticlePayloadGraphType()
    {
        Name = "UpsertArticlePayload";
        Field<ArticleGraphType>("article").Description("The stored article; null when userErrors is not empty.").Resolve(c => c.Source.Article);
        Field<NonNullGraphType<BooleanGraphType>>("created").Description("True when the article did not exist before.")
            .Resolve(c => c.Source.Status == WriteStatus.Created);
        Field<WriteStatusGraphType>("status").Description("CREATED, UPDATED, UNCHANGED (identical to what was stored) or REJECTED.")
            .Resolve(c => c.Source.Status);
        this.UserErrorsField(p => p.UserErrors);
    }
}

public sealed class DeleteArticlePayloadGraphType : ObjectGraphType<DeleteArticlePayload>
{
    public DeleteArticlePayloadGraphType()
    {
        Name = "DeleteArticlePayload";
        Field<IdGraphType>("deletedId").Description("Global id of the deleted article.").Resolve(c => c.Source.DeletedId);
        Field<IntGraphType>("deletedDatabaseId").Resolve(c => c.Source.DeletedDatabaseId);
        this.UserErrorsField(p => p.UserErrors);
    }
}

public sealed class WriteStatusGraphType : EnumerationGraphType<WriteStatus>
{
    public WriteStatusGraphType()
    {
        Name = "WriteStatus";
        Description = "What a write did.";
    }
}
