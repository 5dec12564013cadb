namespace NewsMeta.Text.Pages;

/// <summary>
/// A scraped news page read into its parts. Ingest needs them apart: the body becomes the article, the
/// agency and publisher become its source credits, and the related, read-also and similar titles
/// become links to other articles. A page is only read when it has a body and a publisher (see
/// <see cref="NewsPageResult"/>).
/// </summary>
/// <param name="BodyParagraphs">The main article's non-empty lines, in page order. Whitespace (tabs,
/// NBSP, runs of spaces) is collapsed to single spaces because scrapers add it at random.</param>
/// <param name="Publisher">From the standalone "المصدر:" line: who published the page.</param>
/// <param name="Agency">From the "المصدر:" at the end of the "أخبار ذات صلة" line: the agency the main
/// article is credited to; null when the page credits none.</param>
/// <param name="RelatedTitles">The related titles, split apart from the run-together line. Only split
/// where a known or page-attested title says so, otherwise kept whole.</param>
/// <param name="Keywords">The keywords, split apart from the run-together "كلمات دلالية" line.</param>
/// <param name="ReadAlso">The second article after "إقرأ أيضاً", null when the page has none.</param>
/// <param name="SimilarTitles">The bullet lines after "مقالات مشابهة", bullets removed.</param>
public sealed record NewsPage(
    IReadOnlyList<string> BodyParagraphs,
    string Publisher,
    string? Agency,
    IReadOnlyList<string> RelatedTitles,
    IReadOnlyList<string> Keywords,
    ReadAlsoArticle? ReadAlso,
    IReadOnlyList<string> SimilarTitles);

/// <summary>
/// The second article a page embeds after its "إقرأ أيضاً" marker. It is kept apart from the main body
/// so its paragraphs are never indexed as the main article's text.
/// </summary>
/// <param name="Title">The first non-empty line after the marker (or the text after "إقرأ أيضاً:").</param>
/// <param name="BodyParagraphs">The lines after the title up to the next marker; may be empty.</param>
public sealed record ReadAlsoArticle(string Title, IReadOnlyList<string> BodyParagraphs);

/// <summary>
/// The outcome of <see cref="NewsPageParser.Parse"/>. Unreadable pages are an expected result of
/// scraping, not an exceptional one, so they are reported here instead of thrown: either
/// <see cref="Page"/> is set, or <see cref="Error"/> and <see cref="MissingPart"/> are.
/// </summary>
/// <param name="Page">The page, or null when it could not be read.</param>
/// <param name="Error">A human-readable reason, for logs and API error bodies.</param>
/// <param name="MissingPart">A stable code callers can branch on: "body" or "publisher".</param>
public sealed record NewsPageResult(NewsPage? Page, string? Error, string? MissingPart);

/// <summary>
/// What the store already knows, so run-together keywords and titles are split on real phrases
/// (entity names and aliases, keywords, article titles) instead of guessed word boundaries.
/// </summary>
/// <remarks>
/// The parser asks about many candidate word sequences of one line, so an implementation should
/// answer from memory (a set of normalised phrases), not with a query per call. Answers are cached
/// for the duration of one parse.
/// </remarks>
public interface IPhraseKnowledge
{
    /// <summary>Whether the phrase, already in <see cref="ArabicNormalizer.Normalize"/> form, is known.</summary>
    bool IsKnownPhrase(string normalizedPhrase);
}
