using System.Text;
using System.Text.Json;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Tests.ReadModel;

/// <summary>
/// Stored relations read back as exactly what was stored, whether from their own column or from a full
/// document (whose body, scalars and link reasons are skipped), with every member and every enum value.
/// </summary>
public sealed class StoredArticlePartsTests
{
    [Fact]
    public void Relations_read_back_from_their_column_and_from_a_full_document_alike()
    {
        var article = Article();
        var expected = JsonSerializer.Serialize(StoredArticleParts.Of(article), NewsJson.Options);
        var (full, _, parts) = ArticleDocumentWriter.Serialize(article);

        Assert.DoesNotContain("\"reasons\":{", Encoding.UTF8.GetString(parts), StringComparison.Ordinal);
        Assert.Contains("\"reasons\":{", Encoding.UTF8.GetString(full), StringComparison.Ordinal);
        Assert.Equal(expected, JsonSerializer.Serialize(StoredArticleParts.Parse(parts), NewsJson.Options));
        Assert.Equal(expected, JsonSerializer.Serialize(StoredArticleParts.Parse(full), NewsJson.Options));
    }

    [Fact]
    public void Every_enum_value_reads_back()
    {
        var sourceKinds = Enum.GetValues<SourceKind>();
        var reads = 0;
        foreach (var origin in Enum.GetValues<Origin>())
        {
            foreach (var kind in Enum.GetValues<LinkKind>())
            {
                foreach (var type in Enum.GetValues<EntityType>())
                {
                    var varied = Article(origin, kind, type, sourceKinds[reads++ % sourceKinds.Length]);
                    var read = StoredArticleParts.Parse(ArticleDocumentWriter.Serialize(varied).Parts);
                    Assert.Equal(origin, read.Keywords[0].Origin);
                    Assert.Equal(origin, read.Entities[0].Origin);
                    Assert.Equal(type, read.Entities[0].Type);
                    Assert.Equal(kind, read.Links[0].Kind);
                    Assert.Equal(varied.Source.Kind, read.Source.Kind);
                }
            }
        }

        Assert.True(reads >= sourceKinds.Length, "every source kind was read");
    }

    [Theory]
    [InlineData("""{"source":{"id":1,"name":"x","kind":"noSuchKind"}}""")]
    [InlineData("""{"keywords":[{"id":1,"name":"x","origin":"publisher"}]}""")]
    [InlineData("""{"source":{"id":1,"name":"x","kind":"agency"},"links":[{"kind":"similar",""")]
    [InlineData("""[]""")]
    public void A_damaged_document_is_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => StoredArticleParts.Parse(Encoding.UTF8.GetBytes(json)));
    }

    internal static ArticleDto Article(Origin origin = Origin.Extracted, LinkKind kind = LinkKind.Similar, EntityType type = EntityType.Person, SourceKind sourceKind = SourceKind.Agency) => new()
    {
        Id = 7,
        ExternalId = "parts-1",
        Slug = "parts-1",
        Title = "عنوان \"مقتبس\" مع\\شرطة",
        Language = "ar",
        Body = "نص طويل\n\nفقرة ثانية",
        Source = new SourceRefDto { Id = 3, Name = "صحيفة الأفق", Kind = sourceKind },
        Credits = [new SourceRefDto { Id = 4, Name = "وكالة النجم", Kind = SourceKind.Agency }],
        Keywords = [new KeywordRefDto { Id = 11, Name = "الموازنة", Origin = origin }, new KeywordRefDto { Id = 12, Name = "البرلمان", Origin = Origin.Publisher }],
        Entities =
        [
            new ArticleEntityDto { Id = 21, Name = "سلمى الراوي", Type = type, Mentions = 3, MatchedAlias = "الراوي", Origin = origin },
            new ArticleEntityDto { Id = 22, Name = "مدينة الواحة", Type = EntityType.Location, Mentions = 0, MatchedAlias = null, Origin = Origin.Publisher },
        ],
        Links =
        [
            new ArticleLinkDto
            {
                Kind = kind, TargetId = 31, TargetExternalId = "parts-2", Title = "خبر ذو صلة", Url = "https://example.org/a", Score = 0.1234, Origin = origin,
                Reasons = new LinkReasons
                {
                    SharedEntities = [new SharedEntityReason { Id = 21, Name = "سلمى الراوي", Type = EntityType.Person, Weight = 0.1 }],
                    SharedKeywords = [new SharedKeywordReason { Id = 11, Name = "الموازنة", Weight = 0.0234 }],
                    TextSimilarity = 0.5,
                },
            },
            new ArticleLinkDto { Kind = LinkKind.ReadAlso, TargetId = null, TargetExternalId = null, Title = null, Url = "https://example.org/b", Score = null, Origin = Origin.Publisher },
        ],
        Bylines = [new BylineDto { Name = "سلمى الراوي", Role = BylineRole.Correspondent, EntityId = 21 }],
        Image = new MediaDto { Kind = MediaKind.Image, Url = "https://example.org/p.jpg", Caption = "صورة", Width = 800, Height = 600, MimeType = "image/jpeg" },
        Media = [new MediaDto { Kind = MediaKind.Image, Url = "https://example.org/p.jpg", Caption = "صورة", Width = 800, Height = 600, MimeType = "image/jpeg" }, new MediaDto { Kind = MediaKind.Video, Url = "https://example.org/v.mp4" }],
        Sections = [new SectionRefDto { Id = 5, Name = "اقتصاد", Path = "أخبار/اقتصاد" }],
    };
}
