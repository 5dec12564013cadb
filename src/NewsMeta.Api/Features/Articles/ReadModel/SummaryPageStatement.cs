using System.Text;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// The one statement (<see cref="DirectQuery"/>) of a page of stored summaries for the lists asked for most:
/// all articles, one entity's and one keyword's, in either order, after a cursor or not. The page's keys are
/// chosen first and only their documents joined, as the LINQ form does. Any other filter gets null and is
/// answered through LINQ (<see cref="ArticleQueries.Paged"/>), which must give the same page.
/// </summary>
internal static class SummaryPageStatement
{
    public static (string Sql, object[] Arguments)? For(ArticleFilter filter, bool seesEmbargoed, DateTime? afterAt, int afterId, int take)
    {
        if (!(filter with { EntityIds = [], KeywordIds = [] }).IsEmpty || filter.EntityIds.Count + filter.KeywordIds.Count > 1)
        {
            return null;
        }

        var arguments = new List<object>();
        string Argument(object value)
        {
            arguments.Add(value);
            return $"{{{arguments.Count - 1}}}";
        }

        var where = new List<string>();
        foreach (var entityId in filter.EntityIds)
        {
            where.Add($"""EXISTS (SELECT 1 FROM "ArticleEntities" AS x WHERE x."ArticleId" = a."Id" AND x."EntityId" = {Argument(entityId)})""");
        }

        foreach (var keywordId in filter.KeywordIds)
        {
            where.Add($"""EXISTS (SELECT 1 FROM "ArticleKeywords" AS x WHERE x."ArticleId" = a."Id" AND x."KeywordId" = {Argument(keywordId)})""");
        }

        if (!seesEmbargoed)
        {
            where.Add("""a."ReleasedVersion" IS NOT NULL""");
        }

        var (compare, direction) = filter.Ascending ? (">", "ASC") : ("<", "DESC");
        if (afterAt is { } at)
        {
            var atArgument = Argument(at);
            where.Add($"""(a."PublishedAt" {compare} {atArgument} OR (a."PublishedAt" = {atArgument} AND a."Id" {compare} {Argument(afterId)}))""");
        }

        var sql = new StringBuilder("""SELECT k."Id", k."PublishedAt", d."Summary" FROM (SELECT a."Id", a."PublishedAt" FROM "Articles" AS a""");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append($"""
             ORDER BY a."PublishedAt" {direction}, a."Id" {direction} LIMIT {Argument(take)}) AS k
             LEFT JOIN "ArticleDocuments" AS d ON d."Id" = k."Id" ORDER BY k."PublishedAt" {direction}, k."Id" {direction}
            """);
        return (sql.ToString(), arguments.ToArray());
    }
}
