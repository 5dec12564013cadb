using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Article 8 of the sample corpus (Data/SampleData), the parliament's budget vote, as the API shows it: the one
/// article the OpenAPI examples of every feature talk about, so that ids and names agree across operations.
/// </summary>
public static class ArticleSamples
{
    public const string ExternalId = "shorouq-2026-03-10-budget-vote";

    public static SourceRefDto Shorouq { get; } = new() { Id = 1, Name = "صحيفة الشروق اليومية", Kind = SourceKind.Newspaper };

    public static SourceRefDto ZahranAgency { get; } = new() { Id = 2, Name = "وكالة زهران للأنباء", Kind = SourceKind.Agency };

    public static List<KeywordRefDto> Keywords { get; } =
    [
        new() { Id = 1, Name = "موازنة 2026", Origin = Origin.Publisher },
        new() { Id = 2, Name = "برلمان زهران", Origin = Origin.Publisher },
        new() { Id = 3, Name = "المالية العامة", Origin = Origin.Publisher },
    ];

    public const int PoliticsSectionId = 1;

    public static SectionRefDto ParliamentSection { get; } = new() { Id = 2, Name = "البرلمان", Path = "سياسة/البرلمان" };

    public static List<BylineDto> Bylines { get; } =
    [
        new() { Name = "سلمى الرفاعي", Role = BylineRole.Author, EntityId = 61 },
        new() { Name = "خالد يوسف", Role = BylineRole.Photographer, EntityId = 62 },
    ];

    public static MediaDto LeadImage { get; } = new()
    {
        Kind = MediaKind.Image,
        Url = "https://shorouq.example/media/2026/03/budget-vote.jpg",
        Caption = "النواب يرفعون أيديهم خلال التصويت على الموازنة",
        Credit = "خالد يوسف",
        AltText = "قاعة البرلمان والنواب يصوتون برفع الأيدي",
        Width = 1200,
        Height = 800,
        MimeType = "image/jpeg",
    };

    public static ArticleSummaryDto Summary { get; } = new()
    {
        Id = 8,
        ExternalId = ExternalId,
        Slug = "budget-vote",
        Url = "https://shorouq.example/ar/2026/03/10/budget-vote",
        Title = "البرلمان يقر موازنة 2026 بعد جلسة ماراثونية",
        Summary = "أقرّ برلمان زهران الموازنة العامة لعام 2026 بأغلبية 71 صوتاً مقابل 48 بعد جلسة استمرت أكثر من أربع عشرة ساعة.",
        Language = "ar",
        PublishedAt = Utc(2026, 3, 10, 8, 15),
        UpdatedAt = Utc(2026, 3, 10, 12, 40),
        ChangedAt = Utc(2026, 3, 10, 12, 41),
        Source = Shorouq,
        Credits = [ZahranAgency],
        Keywords = Keywords,
        Subtitle = "71 نائباً يصوتون بالموافقة بعد نقاش استمر أربع عشرة ساعة",
        Bylines = Bylines,
        Image = LeadImage,
    };

    public static List<ArticleLinkDto> Links { get; } =
    [
        new()
        {
            Kind = LinkKind.Related, TargetId = 1, TargetExternalId = "shorouq-2026-01-12-budget-draft",
            Title = "الحكومة تحيل مشروع موازنة 2026 إلى البرلمان وسط توقعات بعجز أقل",
            Url = "https://shorouq.example/ar/2026/01/12/budget-draft", Origin = Origin.Publisher,
        },
        new()
        {
            Kind = LinkKind.ReadAlso, TargetId = 14, TargetExternalId = "ofuq-2026-04-02-central-bank-rates",
            Title = "المصرف المركزي يبقي أسعار الفائدة دون تغيير",
            Url = "https://ofuq.example/news/2026/04/02/central-bank-rates", Origin = Origin.Publisher,
        },
        new()
        {
            Kind = LinkKind.Similar, TargetId = 39, TargetExternalId = "shorouq-2026-10-28-budget-2027-outline",
            Title = "الحكومة تكشف ملامح موازنة 2027: عجز أقل واستثمار أكبر في المياه",
            Url = "https://shorouq.example/ar/2026/10/28/budget-2027-outline", Score = 0.4167, Origin = Origin.Computed,
            Reasons = new LinkReasons
            {
                SharedEntities = [new SharedEntityReason { Id = 2, Name = "ليلى المنصوري", Type = EntityType.Person, Weight = 0.0556 }],
                SharedKeywords = [new SharedKeywordReason { Id = 3, Name = "المالية العامة", Weight = 0.25 }],
                TextSimilarity = 0.31,
            },
        },
    ];

    public static ArticleDto Full { get; } = new()
    {
        Id = Summary.Id,
        ExternalId = Summary.ExternalId,
        Slug = Summary.Slug,
        Url = Summary.Url,
        Title = Summary.Title,
        Summary = Summary.Summary,
        Language = Summary.Language,
        PublishedAt = Summary.PublishedAt,
        UpdatedAt = Summary.UpdatedAt,
        ChangedAt = Summary.ChangedAt,
        Source = Shorouq,
        Credits = [ZahranAgency],
        Keywords = Keywords,
        Body = "أقرّ برلمان زهران، فجر اليوم الثلاثاء، قانون الموازنة العامة لعام 2026 بأغلبية 71 نائباً ومعارضة 48 وامتناع ستة، في ختام جلسة ماراثونية امتدت أكثر من أربع عشرة ساعة.\n\n"
            + "وقال رئيس الوزراء يوسف الحداد، في كلمة أمام النواب قبيل التصويت، إن الموازنة «ليست موازنة تقشف ولا موازنة وعود، بل موازنة واقعية تحمي الفئات الأضعف».",
        Entities =
        [
            new() { Id = 3, Name = "برلمان زهران", Type = EntityType.Organization, Mentions = 3, Origin = Origin.Publisher },
            new() { Id = 1, Name = "يوسف الحداد", Type = EntityType.Person, Mentions = 2, Origin = Origin.Publisher },
            new() { Id = 12, Name = "نور للنقل", Type = EntityType.Organization, Mentions = 1, MatchedAlias = "شركة نور للنقل", Origin = Origin.Extracted },
        ],
        Links = Links,
        Subtitle = Summary.Subtitle,
        Bylines = Bylines,
        Image = LeadImage,
        Media = [LeadImage],
        Sections = [ParliamentSection],
        WordCount = 412,
        ReadingTimeMinutes = 3,
    };

    /// <summary>The same article in the interchange format (PUT body, NDJSON line, export line).</summary>
    public static ArticleRecord Record { get; } = new()
    {
        ExternalId = ExternalId,
        Url = Summary.Url,
        Title = Summary.Title,
        Summary = Summary.Summary,
        Body = Full.Body,
        Language = "ar",
        PublishedAt = Summary.PublishedAt,
        UpdatedAt = Summary.UpdatedAt,
        Source = new SourceRecord { Name = Shorouq.Name, Kind = "newspaper" },
        Credits = [new SourceRecord { Name = ZahranAgency.Name, Kind = "agency" }],
        Keywords = ["موازنة 2026", "برلمان زهران", "المالية العامة"],
        Entities =
        [
            new EntityRecord { Name = "يوسف الحداد", Type = "person", Aliases = ["الحداد", "Youssef Haddad"] },
            new EntityRecord { Name = "برلمان زهران", Type = "organization" },
        ],
        Links =
        [
            new LinkRecord { ExternalId = "shorouq-2026-01-12-budget-draft", Kind = "related" },
            new LinkRecord { Title = "المصرف المركزي يبقي أسعار الفائدة دون تغيير", Kind = "readAlso" },
        ],
        Subtitle = Summary.Subtitle,
        Bylines = [.. Bylines.Select(b => new BylineRecord { Name = b.Name, Role = Common.EnumNames.ToName(b.Role) })],
        Media =
        [
            new MediaRecord
            {
                Kind = "image", Url = LeadImage.Url, Caption = LeadImage.Caption, Credit = LeadImage.Credit, AltText = LeadImage.AltText,
                Width = LeadImage.Width, Height = LeadImage.Height, MimeType = LeadImage.MimeType,
            },
        ],
        Sections = [ParliamentSection.Path],
    };

    /// <summary>The budget record with an embargo: hidden from readers until it passes, then announced as created.</summary>
    public static ArticleRecord EmbargoedRecord { get; } = new()
    {
        ExternalId = Record.ExternalId,
        Url = Record.Url,
        Title = Record.Title,
        Summary = Record.Summary,
        Body = Record.Body,
        Language = Record.Language,
        PublishedAt = Record.PublishedAt,
        Source = Record.Source,
        Keywords = Record.Keywords,
        EmbargoUntil = Utc(2026, 3, 11, 6, 0),
    };

    public static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
