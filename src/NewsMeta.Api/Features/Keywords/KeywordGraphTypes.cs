using GraphQL.Types;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Keywords;

public sealed class KeywordGraphType : ObjectGraphType<KeywordDto>
{
    public KeywordGraphType()
    {
        Name = "Keyword";
        Description = "A keyword articles are tagged with (matched across articles by its normalised form).";
        this.NodeFields(GlobalId.Keyword, k => k.Id);
        Field(k => k.Name);
        Field(k => k.ArticleCount).Description("Articles tagged with it.");
        Field<OriginGraphType>("origin").Description("Who tagged the article with it (publisher, or extracted from the text) when reached through an article; null elsewhere.")
            .Resolve(c => c.Source.Origin);
        Field<NonNullGraphType<ArticleConnectionGraphType>>("articles").Description("Articles tagged with it, newest first.")
            .PagingArguments()
            .Resolve(c => NestedArticles.Load(c, "keyword", c.Source.Id, c.Source.ArticleCount));
    }
}

public sealed class KeywordFilterInput
{
    public string? Search { get; set; }
}

public sealed class KeywordFilterGraphType : InputObjectGraphType<KeywordFilterInput>
{
    public KeywordFilterGraphType()
    {
        Name = "KeywordFilter";
        Field(f => f.Search, nullable: true).Description("Prefix of the keyword (Arabic-normalised).");
    }
}

public sealed class KeywordEdgeGraphType() : EdgeGraphType<KeywordDto, KeywordGraphType>("Keyword");

public sealed class KeywordConnectionGraphType() : ConnectionGraphType<KeywordDto, KeywordGraphType, KeywordEdgeGraphType>("Keyword");
