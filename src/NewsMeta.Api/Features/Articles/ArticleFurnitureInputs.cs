using GraphQL.Types;
using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles;

/// <summary>A byline in upsertArticle's input: the record's byline with an enum for the role.</summary>
public sealed class BylineInput
{
    public string Name { get; set; } = "";
    public BylineRole Role { get; set; }

    public BylineRecord ToRecord() => new() { Name = Name, Role = EnumNames.ToName(Role) };
}

/// <summary>A picture, video or audio item in upsertArticle's input: the record's media item with an enum for the kind.</summary>
public sealed class MediaInput
{
    public MediaKind Kind { get; set; }
    public string Url { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? AltText { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public string? MimeType { get; set; }

    public MediaRecord ToRecord() => new()
    {
        Kind = EnumNames.ToName(Kind),
        Url = Url,
        Caption = Caption,
        Credit = Credit,
        AltText = AltText,
        Width = Width,
        Height = Height,
        MimeType = MimeType,
    };
}

public sealed class BylineInputGraphType : InputObjectGraphType<BylineInput>
{
    public BylineInputGraphType()
    {
        Name = "BylineInput";
        Description = "A byline: the name is matched to a person entity like any entity.";
        Field(i => i.Name).Description("1–200 characters.");
        Field(i => i.Role, type: typeof(NonNullGraphType<BylineRoleGraphType>));
    }
}

public sealed class MediaInputGraphType : InputObjectGraphType<MediaInput>
{
    public MediaInputGraphType()
    {
        Name = "MediaInput";
        Description = "A picture, video or audio item; the first image is the article's lead image.";
        Field(i => i.Kind, type: typeof(NonNullGraphType<MediaKindGraphType>));
        Field(i => i.Url).Description("Absolute http(s) URL.");
        Field(i => i.Caption, nullable: true);
        Field(i => i.Credit, nullable: true);
        Field(i => i.AltText, nullable: true).Description("What the picture shows, for readers who cannot see it.");
        Field(i => i.Width, nullable: true).Description("Pixels.");
        Field(i => i.Height, nullable: true).Description("Pixels.");
        Field(i => i.MimeType, nullable: true);
    }
}
