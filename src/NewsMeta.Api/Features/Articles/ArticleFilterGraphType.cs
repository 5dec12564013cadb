using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Common;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

/// <summary>The GraphQL shape of the shared article filter.</summary>
public sealed class ArticleFilterInput
{
    public List<string>? EntityIds { get; set; }
    public List<string>? KeywordIds { get; set; }
    public List<string>? SourceIds { get; set; }
    public List<string>? CreditIds { get; set; }
    public List<string>? BylineIds { get; set; }
    public List<string>? SectionIds { get; set; }
    public bool? IsRepublication { get; set; }
    public string? Language { get; set; }
    public DateTime? PublishedAfter { get; set; }
    public DateTime? PublishedBefore { get; set; }
    public DateTime? UpdatedSince { get; set; }

    /// <summary>Checks the values and turns them into the <see cref="ArticleFilter"/> REST uses too.</summary>
    public ArticleFilter ToFilter(bool ascending)
    {
        if (Language is not null && !LanguageTag.IsValid(Language))
        {
            throw new UserInputError("where.language", "must be a language tag such as ar or en");
        }

        var after = UtcDates.Normalize(PublishedAfter);
        var before = UtcDates.Normalize(PublishedBefore);
        if (after > before)
        {
            throw new UserInputError("where.publishedBefore", "must not be before publishedAfter");
        }

        return new ArticleFilter
        {
            EntityIds = IdArguments.ParseAll("where.entityIds", EntityIds, GlobalId.Entity),
            KeywordIds = IdArguments.ParseAll("where.keywordIds", KeywordIds, GlobalId.Keyword),
            SourceIds = IdArguments.ParseAll("where.sourceIds", SourceIds, GlobalId.Source),
            CreditIds = IdArguments.ParseAll("where.creditIds", CreditIds, GlobalId.Source),
            BylineIds = IdArguments.ParseAll("where.bylineIds", BylineIds, GlobalId.Entity),
            SectionIds = IdArguments.ParseAll("where.sectionIds", SectionIds, GlobalId.Section),
            IsRepublication = IsRepublication,
            Language = string.IsNullOrEmpty(Language) ? null : LanguageTag.Canonical(Language),
            PublishedFrom = after,
            PublishedTo = before,
            UpdatedSince = UtcDates.Normalize(UpdatedSince),
            Ascending = ascending,
        };
    }

    public static ArticleFilter From(IResolveFieldContext context) =>
        (context.GetArgument<ArticleFilterInput?>("where") ?? new ArticleFilterInput()).ToFilter(context.GetArgument("orderBy", false));
}

public sealed class ArticleFilterGraphType : InputObjectGraphType<ArticleFilterInput>
{
    public ArticleFilterGraphType()
    {
        Name = "ArticleFilter";
        Description = "Filters of article lists. Entity and keyword ids combine with AND (articles with all of them), source and credit ids with OR.";
        Field(f => f.EntityIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Articles mentioning all these entities.");
        Field(f => f.KeywordIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Articles tagged with all these keywords.");
        Field(f => f.SourceIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Articles published by any of these sources.");
        Field(f => f.CreditIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Articles crediting any of these agencies (source ids).");
        Field(f => f.BylineIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Articles with a byline of any of these people (entity ids).");
        Field(f => f.SectionIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Articles in any of these sections, sub-sections included.");
        Field(f => f.IsRepublication, nullable: true).Description("true: articles that credit an agency (republished); false: the publisher's own.");
        Field(f => f.Language, nullable: true).Description("Language tag, e.g. ar or en.");
        Field(f => f.PublishedAfter, nullable: true).Description("Published at or after this instant (ISO 8601).");
        Field(f => f.PublishedBefore, nullable: true).Description("Published before this instant (ISO 8601, exclusive).");
        Field(f => f.UpdatedSince, nullable: true).Description("Stored version changed at or after this instant: for syncing.");
    }
}
