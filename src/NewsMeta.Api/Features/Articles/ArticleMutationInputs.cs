using GraphQL.Types;
using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

/// <summary>The GraphQL input of upsertArticle: the NDJSON record with enums for kinds.</summary>
public sealed class UpsertArticleInput
{
    public string ExternalId { get; set; } = "";
    public string? Url { get; set; }
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string Body { get; set; } = "";
    public string Language { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public SourceInput Source { get; set; } = new();
    public List<SourceInput>? Credits { get; set; }
    public List<string>? Keywords { get; set; }
    public List<EntityInput>? Entities { get; set; }
    public List<LinkInput>? Links { get; set; }
    public DateTime? EmbargoUntil { get; set; }
    public string? Subtitle { get; set; }
    public List<BylineInput>? Bylines { get; set; }
    public List<MediaInput>? Media { get; set; }
    public List<string>? Sections { get; set; }

    /// <summary>The same record REST and the importer write, so one validator and one writer apply.</summary>
    public ArticleRecord ToRecord() => new()
    {
        ExternalId = ExternalId,
        Url = Url,
        Title = Title,
        Summary = Summary,
        Body = Body,
        Language = Language,
        PublishedAt = UtcDates.Normalize(PublishedAt),
        UpdatedAt = UtcDates.Normalize(UpdatedAt),
        Source = Source.ToRecord(),
        Credits = Credits?.Select(c => c.ToRecord()).ToList(),
        Keywords = Keywords,
        Entities = Entities?.Select(e => new EntityRecord { Name = e.Name, Type = EnumNames.ToName(e.Type), Aliases = e.Aliases }).ToList(),
        Links = Links?.Select(l => new LinkRecord { ExternalId = l.ExternalId, Url = l.Url, Title = l.Title, Kind = EnumNames.ToName(l.Kind) }).ToList(),
        EmbargoUntil = UtcDates.Normalize(EmbargoUntil),
        Subtitle = Subtitle,
        Bylines = Bylines?.Select(b => b.ToRecord()).ToList(),
        Media = Media?.Select(m => m.ToRecord()).ToList(),
        Sections = Sections,
    };
}

public sealed class SourceInput
{
    public string Name { get; set; } = "";
    public SourceKind Kind { get; set; }

    public SourceRecord ToRecord() => new() { Name = Name, Kind = EnumNames.ToName(Kind) };
}

public sealed class EntityInput
{
    public string Name { get; set; } = "";
    public EntityType Type { get; set; }
    public List<string>? Aliases { get; set; }
}

public sealed class LinkInput
{
    public string? ExternalId { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public LinkKind Kind { get; set; }
}

public sealed class UpsertArticleInputGraphType : InputObjectGraphType<UpsertArticleInput>
{
    public UpsertArticleInputGraphType()
    {
        Name = "UpsertArticleInput";
        Description = "An article in the shape of the NDJSON interchange record (camelCase; enums for kinds).";
        Field(i => i.ExternalId).Description("The publisher's id (1–200 characters); writing it again updates that article.");
        Field(i => i.Url, nullable: true).Description("Canonical absolute http(s) URL, unique when present.");
        Field(i => i.Title).Description("1–500 characters.");
        Field(i => i.Summary, nullable: true).Description("At most 2,000 characters.");
        Field(i => i.Body).Description("Plain text, paragraphs separated by a blank line; at most 200,000 characters.");
        Field(i => i.Language).Description("BCP 47 tag, e.g. ar.");
        Field(i => i.PublishedAt);
        Field(i => i.UpdatedAt, nullable: true).Description("Not before publishedAt.");
        Field(i => i.Source, type: typeof(NonNullGraphType<SourceInputGraphType>)).Description("Who published this copy.");
        Field(i => i.Credits, type: typeof(ListGraphType<NonNullGraphType<SourceInputGraphType>>)).Description("Agencies credited, in order.");
        Field(i => i.Keywords, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Keywords, in order.");
        Field(i => i.Entities, type: typeof(ListGraphType<NonNullGraphType<EntityInputGraphType>>)).Description("Entities the publisher tagged.");
        Field(i => i.Links, type: typeof(ListGraphType<NonNullGraphType<LinkInputGraphType>>)).Description("Links to other articles.");
        Field(i => i.EmbargoUntil, nullable: true).Description("Until then the article is visible only with the write scope; when it passes, it is announced as created.");
        Field(i => i.Subtitle, nullable: true).Description("At most 500 characters.");
        Field(i => i.Bylines, type: typeof(ListGraphType<NonNullGraphType<BylineInputGraphType>>)).Description("Authors, editors, photographers…, in the publisher's order.");
        Field(i => i.Media, type: typeof(ListGraphType<NonNullGraphType<MediaInputGraphType>>)).Description("Pictures, video and audio, in order; the first image is the lead image.");
        Field(i => i.Sections, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Section paths, '/' between levels (أخبار العالم/الشرق الأوسط).");
    }
}

public sealed class SourceInputGraphType : InputObjectGraphType<SourceInput>
{
    public SourceInputGraphType()
    {
        Name = "SourceInput";
        Field(i => i.Name);
        Field(i => i.Kind, type: typeof(NonNullGraphType<SourceKindGraphType>));
    }
}

public sealed class EntityInputGraphType : InputObjectGraphType<EntityInput>
{
    public EntityInputGraphType()
    {
        Name = "EntityInput";
        Field(i => i.Name);
        Field(i => i.Type, type: typeof(NonNullGraphType<EntityTypeGraphType>));
        Field(i => i.Aliases, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>));
    }
}

public sealed class LinkInputGraphType : InputObjectGraphType<LinkInput>
{
    public LinkInputGraphType()
    {
        Name = "LinkInput";
        Description = "A link by any of externalId, url, title (at least one).";
        Field(i => i.ExternalId, nullable: true);
        Field(i => i.Url, nullable: true);
        Field(i => i.Title, nullable: true);
        Field(i => i.Kind, type: typeof(NonNullGraphType<LinkKindGraphType>));
    }
}
