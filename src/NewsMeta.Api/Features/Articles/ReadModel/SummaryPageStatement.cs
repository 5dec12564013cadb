using System.Text;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// The one statement (<see cref="DirectQuery"/>) of a page of stored summaries for the lists asked for most:
/// all articles, one entity's and one keyword's, in either order, after a cursor or not. The page's keys are
/// chosen first and only their documents joined, as the LINQ form does; an entity's or keyword's keys come
/// from its list key (the article's publishedAt kept on its mention or tag row, under an index). Any other filter gets null and is
/// answered through LINQ (<see cref="ArticleQueries.Filtered"/>), which must give the same page.
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

        // One entity's or keyword's list reads its keys from that table's (name, publishedAt, article) index
        // in order; the articles are joined for visibility alone. All articles: the articles' own index.
        var (from, at, id, where) = (filter.EntityIds, filter.KeywordIds) switch
        {
            ([var entityId], _) => ("FROM \"ArticleEntities\" AS x JOIN \"Articles\" AS a ON a.\"Id\" = x.\"ArticleId\"", "x.\"PublishedAt\"", "x.\"ArticleId\"",
                new List<string> { $"""x."EntityId" = {Argument(entityId)}""" }),
            (_, [var keywordId]) => ("FROM \"ArticleKeywords\" AS x JOIN \"Articles\" AS a ON a.\"Id\" = x.\"ArticleId\"", "x.\"PublishedAt\"", "x.\"ArticleId\"",
                new List<string> { $"""x."KeywordId" = {Argument(keywordId)}""" }),
            _ => ("""FROM "Articles" AS a""", "a.\"PublishedAt\"", "a.\"Id\"", new List<string>()),
        };
        if (!seesEmbargoed)
        {
            where.Add("""a."ReleasedVersion" IS NOT NULL""");
        }

        var (compare, direction) = filter.Ascending ? (">", "ASC") : ("<", "DESC");
        if (afterAt is { } after)
        {
            var atArgument = Argument(after);
            where.Add($"({at} {compare} {atArgument} OR ({at} = {atArgument} AND {id} {compare} {Argument(afterId)}))");
        }

        var sql = new StringBuilder($"SELECT k.\"Id\", k.\"PublishedAt\", d.\"Summary\" FROM (SELECT {id} AS \"Id\", {at} AS \"PublishedAt\" {from}");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append($"""
             ORDER BY {at} {direction}, {id} {direction} LIMIT {Argument(take)}) AS k
             LEFT JOIN "ArticleDocuments" AS d ON d."Id" = k."Id" ORDER BY k."PublishedAt" {direction}, k."Id" {direction}
            """);
        return (sql.ToString(), arguments.ToArray());
    }
}
