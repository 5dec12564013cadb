using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sections;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The card fields of a GraphQL Article: subtitle, bylines, media, lead image, sections, word count, reading
/// time. Bylines and media are whole in the stored document; sections are when only their names and path are asked.
/// </summary>
public static class ArticleFurnitureFields
{
    public static void AddFurniture(this ObjectGraphType<ArticleRow> article)
    {
        article.Field(a => a.Subtitle, nullable: true).Description("The publisher's subtitle (standfirst).");
        article.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BylineGraphType>>>>("bylines")
            .Description("Authors, editors, photographers…, in the publisher's order.")
            .Resolve(c => c.Source.StoredParts is { } stored ? (object)stored.Bylines : c.Service<ArticleFurnitureLoaders>().Bylines.Load(c.Source.Id));
        article.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaGraphType>>>>("media")
            .Description("Pictures, video and audio in the publisher's order.")
            .Resolve(c => c.Source.StoredParts is { } stored ? (object)stored.Media : c.Service<ArticleFurnitureLoaders>().Media.Load(c.Source.Id));
        article.Field<MediaGraphType>("image").Description("The lead image: the article's first image, or null.")
            .Resolve(c => c.Source.StoredParts is { } stored ? (object?)stored.Image : c.Service<ArticleFurnitureLoaders>().LeadImages.Load(c.Source.Id));
        article.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("The sections the publisher gave (the most specific level of each path).")
            .Resolve(c => StoredArticleFields.SectionSelection.Covers(c) && c.Source.StoredParts is { } stored
                ? (object)stored.Sections.Select(StoredArticleFields.Section).ToList()
                : c.Service<ArticleFurnitureLoaders>().Sections.Load(c.Source.Id));
        article.Field(a => a.WordCount).Description("Words of title, subtitle and body by Arabic rules: clitics are part of their word; tatweel and diacritics are not letters.");
        article.Field(a => a.ReadingTimeMinutes).Description("Minutes to read it, rounded up: 140 words a minute for Arabic, 230 for other languages.");
        article.Field(a => a.EmbargoUntil, nullable: true)
            .Description("Until then the article is visible only with the write scope; null when the publisher set no embargo.");
    }
}

public sealed class BylineGraphType : ObjectGraphType<BylineDto>
{
    public BylineGraphType()
    {
        Name = "Byline";
        Description = "A person the article credits, with their role.";
        Field(b => b.Name).Description("The name as the publisher gave it.");
        Field<NonNullGraphType<BylineRoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field<EntityGraphType>("entity").Description("The person entity the name matched; null only when it was removed.")
            .Resolve(c => c.Source.EntityId is { } id ? c.Service<EntityLoaders>().ById.Load(id) : null);
    }
}

public sealed class MediaGraphType : ObjectGraphType<MediaDto>
{
    public MediaGraphType()
    {
        Name = "Media";
        Description = "A picture, video or audio item of an article.";
        Field<NonNullGraphType<MediaKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(m => m.Url).Description("Absolute http(s) URL.");
        Field(m => m.Caption, nullable: true);
        Field(m => m.Credit, nullable: true).Description("Who made it (photographer, agency).");
        Field(m => m.AltText, nullable: true).Description("What it shows, for readers who cannot see it.");
        Field(m => m.Width, nullable: true).Description("Pixels.");
        Field(m => m.Height, nullable: true).Description("Pixels.");
        Field(m => m.MimeType, nullable: true).Description("e.g. image/jpeg.");
    }
}

public sealed class BylineRoleGraphType : EnumerationGraphType<BylineRole>
{
    public BylineRoleGraphType()
    {
        Name = "BylineRole";
        Description = "What a byline credits the person with.";
    }
}

public sealed class MediaKindGraphType : EnumerationGraphType<MediaKind>
{
    public MediaKindGraphType()
    {
        Name = "MediaKind";
        Description = "Picture, video or audio.";
    }
}
