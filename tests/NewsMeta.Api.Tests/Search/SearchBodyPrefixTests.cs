using System.Text.Json;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Tests.Search;

/// <summary>
/// What a search page reads of an article without its row: the start of its body (whole when short, one
/// character over when not, never half a surrogate pair) and the title and summary of its stored summary.
/// </summary>
public sealed class SearchBodyPrefixTests
{
    private const int Length = SearchHighlights.BodyPrefixLength;

    [Fact]
    public void A_short_body_is_its_own_prefix_and_a_long_one_is_cut_one_character_over()
    {
        var exact = new string('ب', Length);
        Assert.Same(exact, SearchHighlights.Prefix(exact));
        Assert.Equal(string.Empty, SearchHighlights.Prefix(string.Empty));
        var longer = new string('ب', Length) + "جدهو";
        Assert.Equal(new string('ب', Length) + "ج", SearchHighlights.Prefix(longer));
        Assert.True(SearchHighlights.Prefix(longer).Length > Length);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var body = new string('ب', Length) + "😀" + "نص";
        var prefix = SearchHighlights.Prefix(body);
        Assert.Equal(new string('ب', Length) + "😀", prefix);
        Assert.False(char.IsHighSurrogate(prefix[^1]));
        // A lone high surrogate at the end of an (invalid) body is kept rather than read past.
        Assert.Equal(Length + 1, SearchHighlights.Prefix(new string('ب', Length) + "\uD83D").Length);
    }

    [Theory]
    [InlineData("عنوان \"مقتبس\" فيه", "ملخص فيه \"title\":\"ليس هذا\"")]
    [InlineData("عنوان بلا ملخص", null)]
    public void Title_and_summary_are_read_from_the_stored_summary(string title, string? summary)
    {
        var stored = JsonSerializer.SerializeToUtf8Bytes(new ArticleSummaryDto
        {
            Id = 7,
            ExternalId = "prefix-7",
            Slug = "prefix-7",
            Title = title,
            Summary = summary,
            Language = "ar",
            Source = new SourceRefDto { Id = 1, Name = "مصدر", Kind = SourceKind.Newspaper },
            Credits = [],
            Keywords = [],
        }, NewsJson.Options);

        Assert.Equal((title, summary), StoredSummaryText.TitleAndSummary(stored));
    }
}
