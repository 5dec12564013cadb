namespace NewsMeta.Text.Pages;

/// <summary>
/// A page read into its sections, before its run-together related titles and keywords are split
/// (<see cref="NewsPageParser.Read"/>). Reading is linear in the page; splitting costs more, and may
/// ask the store about phrases, so callers check <see cref="WordsToSplit"/> and gather
/// <see cref="StorePhrases"/> first, then <see cref="Split"/> once.
/// </summary>
public sealed class PageLayout
{
    private const string MissingBody = "body";
    private const string MissingPublisher = "publisher";

    private readonly NewsPageParser.PageCollector collected;
    private RunTogetherSplitter? splitter;

    internal PageLayout(NewsPageParser.PageCollector collected)
    {
        this.collected = collected;
        WordsToSplit = collected.RelatedRuns.Concat(collected.KeywordRuns)
            .Sum(run => run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Unreadable = collected.Body.Count == 0
            ? new NewsPageResult(null, "The page has no article paragraphs before its first section marker.", MissingBody)
            : string.IsNullOrEmpty(collected.Publisher)
                ? new NewsPageResult(null, "The page has no \"المصدر:\" line naming its publisher.", MissingPublisher)
                : null;
    }

    /// <summary>Set when the page cannot be read (no body, or no publisher); <see cref="Split"/> returns it.</summary>
    public NewsPageResult? Unreadable { get; }

    /// <summary>Words in the related-titles and keyword lines: what splitting works through.</summary>
    public int WordsToSplit { get; }

    /// <summary>Every phrase <see cref="Split"/> may ask <see cref="IPhraseKnowledge"/> about (empty for an unreadable page).</summary>
    public IReadOnlyCollection<string> StorePhrases(CancellationToken ct = default) =>
        Unreadable is not null
            ? []
            : Splitter(null, null, ct).StorePhrases(collected.RelatedRuns, collected.KeywordRuns).ToHashSet(StringComparer.Ordinal);

    /// <summary>Splits the related titles and keywords, using only phrases the page or <paramref name="knowledge"/> attest.</summary>
    /// <param name="knowledge">The store's phrases, or null to use the page alone.</param>
    /// <param name="work">Counts the work done, for tests.</param>
    /// <param name="ct">Checked while splitting.</param>
    public NewsPageResult Split(IPhraseKnowledge? knowledge, SplitWork? work = null, CancellationToken ct = default)
    {
        if (Unreadable is { } unreadable)
        {
            return unreadable;
        }

        var splitter = Splitter(knowledge, work, ct);
        var related = collected.RelatedRuns.SelectMany(splitter.SplitTitles).ToList();
        var keywords = collected.KeywordRuns.SelectMany(splitter.SplitKeywords).ToList();
        var readAlso = collected.ReadAlsoTitle is null ? null : new ReadAlsoArticle(collected.ReadAlsoTitle, collected.ReadAlsoBody.AsReadOnly());
        var page = new NewsPage(
            collected.Body.AsReadOnly(),
            collected.Publisher!,
            collected.Agency,
            related.AsReadOnly(),
            keywords.AsReadOnly(),
            readAlso,
            collected.Similar.AsReadOnly());
        return new NewsPageResult(page, null, null);
    }

    /// <summary>One splitter per page: what the page attests is gathered once, for the store lookup and the split.</summary>
    private RunTogetherSplitter Splitter(IPhraseKnowledge? knowledge, SplitWork? work, CancellationToken ct)
    {
        splitter ??= new RunTogetherSplitter(
            collected.Similar.Prepend(collected.ReadAlsoTitle ?? string.Empty),
            collected.Body.Concat(collected.ReadAlsoBody).Append(collected.ReadAlsoTitle ?? string.Empty));
        return splitter.Use(knowledge, work, ct);
    }
}
