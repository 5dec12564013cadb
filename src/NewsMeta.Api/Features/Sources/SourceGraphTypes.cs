using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Sources;

public sealed class SourceGraphType : ObjectGraphType<SourceDto>
{
    public SourceGraphType()
    {
        Name = "Source";
        Description = "A publisher, or an agency articles credit.";
        this.NodeFields(GlobalId.Source, s => s.Id);
        Field(s => s.Name);
        Field<NonNullGraphType<SourceKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(s => s.ArticleCount).Description("Articles it published (credits are not counted).");
        Field<NonNullGraphType<ArticleConnectionGraphType>>("articles").Description("Articles it published, newest first.")
            .PagingArguments()
            .Resolve(c => NestedArticles.Load(c, "source", c.Source.Id, c.Source.ArticleCount));
        Field<NonNullGraphType<ArticleConnectionGraphType>>("creditedArticles").Description("Articles by other publishers that credit it (as the agency they took the story from), newest first.")
            .PagingArguments()
            .Resolve(c =>
            {
                var db = c.Service<Data.NewsDbContext>();
                var id = c.Source.Id;
                return NestedArticles.Load(c, "credit", id, () => db.ArticleCredits.VisibleToCaller(db, x => x.ArticleId).Where(x => x.SourceId == id).Select(x => x.ArticleId).Distinct().CountAsync(c.CancellationToken));
            });
    }
}

public sealed class SourceKindGraphType : EnumerationGraphType<SourceKind>
{
    public SourceKindGraphType()
    {
        Name = "SourceKind";
        Description = "What kind of outlet a source is.";
    }
}

public sealed class SourceEdgeGraphType() : EdgeGraphType<SourceDto, SourceGraphType>("Source");

public sealed class SourceConnectionGraphType() : ConnectionGraphType<SourceDto, SourceGraphType, SourceEdgeGraphType>("Source");
