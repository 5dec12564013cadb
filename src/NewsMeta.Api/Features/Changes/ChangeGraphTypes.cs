using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Changes;

public sealed class ChangeGraphType : ObjectGraphType<ChangeDto>
{
    public ChangeGraphType()
    {
        Name = "Change";
        Description = "An article created, updated or deleted; apply in order to mirror the store.";
        Field(c => c.Change).Description("created, updated or deleted.");
        Field("databaseId", c => c.Id).Description("The article's REST id (for deletions, the id it had).");
        Field(c => c.ExternalId);
        Field(c => c.At).Description("When the store changed it.");
        Field<ArticleGraphType>("article").Description("The article as it is now; null for deletions.")
            .Resolve(c => c.Source.Change == "deleted" ? null : c.Service<ArticleLoaders>().ById.Load(c.Source.Id));
    }
}

public sealed class ChangePageGraphType : ObjectGraphType<ChangePage>
{
    public ChangePageGraphType()
    {
        Name = "ChangePage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeGraphType>>>>("items").Resolve(c => c.Source.Items);
        Field(p => p.NextSince, nullable: true).Description("Pass as since on the next poll (the same token when nothing changed).");
    }
}

/// <summary>Query.changes: the change feed of GET /api/v1/changes.</summary>
public static class ChangeQueryField
{
    public static void AddChanges(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ChangePageGraphType>>("changes")
            .Description("Articles created, updated and deleted since a token, in the order the store changed them (deleted: tombstones kept Changes:TombstoneDays). Start without since; poll with nextSince.")
            .Argument<StringGraphType>("since", "nextSince of the previous poll.")
            .Argument<IntGraphType>("first", "Items per page (1–100, default 100).")
            .ResolveAsync(async c =>
            {
                var errors = new QueryErrors();
                var first = c.GetArgument<int?>("first");
                var size = first is null ? PageLimits.Max : PageLimits.Parse(first.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
                ChangePage? page = null;
                try
                {
                    page = errors.Any ? null : await c.Service<ChangeFeed>().PageAsync(c.GetArgument<string?>("since"), size, errors, c.CancellationToken);
                }
                catch (TokenExpiredException ex)
                {
                    throw new UserInputError("since", ex.Message + " Re-sync from the export.");
                }

                if (page is null)
                {
                    var (field, messages) = errors.ToDictionary().First();
                    throw new UserInputError(field == "limit" ? "first" : field, messages[0]);
                }

                return page;
            });
}
