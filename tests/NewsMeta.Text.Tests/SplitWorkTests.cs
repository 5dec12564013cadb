using NewsMeta.Text.Pages;

namespace NewsMeta.Text.Tests;

/// <summary>
/// The run-together splitter's work, counted (spans built, segmentations compared) rather than timed:
/// doubling a page's related and keyword lines at most about doubles it, whatever the page attests.
/// </summary>
public sealed class SplitWorkTests
{
    /// <summary>Ten-word "titles" the similar section lists, so the related line is full of attested spans.</summary>
    private static string Title(int i) => string.Join(' ', Enumerable.Range(0, 10).Select(w => $"عنوان{i}كلمة{w}"));

    private static string Page(string related, string keywords, IEnumerable<string> similar) => $"""
        خبر قصير عن مدينة الريان.
        أخبار ذات صلة {related}
        المصدر: صحيفة الاختبار
        كلمات دلالية: {keywords}
        مقالات مشابهة
        {string.Join('\n', similar.Select(t => "- " + t))}
        """;

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"كلمة{i % 7}"));

    /// <summary>The measured attack: a related line and a similar "title" of the same n words.</summary>
    private static string SameWordsPage(int words) => Page(Words(words), Words(words), [Words(words)]);

    /// <summary>A related line of n/10 run-together titles the page lists, the longest attesting title at the cap.</summary>
    private static string TitlesPage(int words)
    {
        var titles = Enumerable.Range(0, words / 10).Select(Title).ToList();
        var longest = string.Join(' ', Enumerable.Range(0, 100).Select(w => $"طويل{w}")); // RunTogetherSplitter.MaxPageTitleWords
        return Page(string.Join(' ', titles), Words(words), titles.Append(longest));
    }

    /// <summary>A related line of n/6 unattested six-word headlines, each a subject and a verb: every cut is the grammar's.</summary>
    private static string HeadlinesPage(int words)
    {
        var line = string.Join(' ', Enumerable.Range(0, words / 6).Select(i => $"بلدية المدينة{i % 5} تفتتح جسراً جديداً فوق الوادي"));
        return Page(line, Words(words), []);
    }

    private static long Work(string page)
    {
        var work = new SplitWork();
        var result = NewsPageParser.Read(page).Split(null, work, TestContext.Current.CancellationToken);
        Assert.NotNull(result.Page);
        return work.Total;
    }

    [Theory]
    [InlineData(nameof(SameWordsPage))]
    [InlineData(nameof(TitlesPage))]
    [InlineData(nameof(HeadlinesPage))]
    public void Doubling_the_lines_at_most_doubles_the_work(string shape)
    {
        Func<int, string> page = shape switch
        {
            nameof(SameWordsPage) => SameWordsPage,
            nameof(TitlesPage) => TitlesPage,
            _ => HeadlinesPage,
        };
        // From 4 × the longest span looked at (100 words): below it, spans grow with the line as well.
        var sizes = new[] { 400, 800, 1_600, 3_200, 6_400 };
        var work = sizes.Select(n => Work(page(n))).ToList();
        Assert.True(work[0] >= sizes[0], $"work is counted: {work[0]}");
        for (var i = 1; i < sizes.Length; i++)
        {
            Assert.True(work[i] <= 2.2 * work[i - 1], $"{sizes[i]} words: {work[i]}, {sizes[i - 1]} words: {work[i - 1]}");
        }
    }

    [Fact]
    public void Splitting_titles_the_page_lists_is_unchanged_by_the_bounds()
    {
        var page = NewsPageParser.Parse(TitlesPage(50)).Page!;
        Assert.Equal(Enumerable.Range(0, 5).Select(Title), page.RelatedTitles);
    }

    [Fact]
    public void Headline_grammar_cuts_every_unattested_headline_of_a_long_line()
    {
        var page = NewsPageParser.Parse(HeadlinesPage(600)).Page!;
        Assert.Equal(100, page.RelatedTitles.Count);
        Assert.All(page.RelatedTitles, t => Assert.EndsWith("فوق الوادي", t, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_split_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var layout = NewsPageParser.Read(SameWordsPage(800));
        Assert.Throws<OperationCanceledException>(() => layout.Split(null, ct: cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => layout.StorePhrases(cancelled.Token));
    }
}
