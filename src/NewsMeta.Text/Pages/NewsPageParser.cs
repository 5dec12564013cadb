using System.Text;

namespace NewsMeta.Text.Pages;

/// <summary>
/// Reads a scraped Arabic news page (plain text, one paragraph per line) into a <see cref="NewsPage"/>:
/// body paragraphs, then the "أخبار ذات صلة", "المصدر:", "كلمات دلالية", "إقرأ أيضاً" and
/// "مقالات مشابهة" sections. Pure and deterministic: the same text and knowledge give the same result.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Markers are recognised on the line's first words after <see cref="ArabicNormalizer.Normalize"/>,
/// because scraped pages spell them with and without hamza, tanween and colons ("إقرأ أيضاً:",
/// "اقرأ أيضا", "اقرا ايضا"). Blank lines, tabs, NBSP and runs of spaces are ignored for the same
/// reason.</item>
/// <item>"المصدر" is only a marker when a colon (":" or "：") follows it: prose may start with the
/// word, and taking such a sentence as the publisher would credit the wrong source.</item>
/// <item>"إقرأ أيضاً" and "مقالات مشابهة" are only markers when the line holds nothing else, or a colon
/// and then text (taken as the first title), so a body sentence that starts with them stays body.</item>
/// <item>A "المصدر:" line after the read-also marker credits the second article (or trails the page),
/// so it never becomes the publisher of the main one.</item>
/// <item>Run-together related titles and keywords are split by <see cref="RunTogetherSplitter"/>,
/// using only phrases the page or <see cref="IPhraseKnowledge"/> attest.</item>
/// </list>
/// </remarks>
public static class NewsPageParser
{

    /// <summary>Bullets a scraper may leave before a similar-article title.</summary>
    private const string Bullets = "•·‧∙◦‣▪▫●○■□►▸➢-*–—";

    /// <summary>What may follow a number used as a bullet ("1." "٢)" "3-").</summary>
    private const string NumberBulletEnds = ".)-–۔";

    private static readonly string[] RelatedMarker = MarkerWords("أخبار ذات صلة");
    private static readonly string[] SourceMarker = MarkerWords("المصدر");
    private static readonly string[] KeywordsMarker = MarkerWords("كلمات دلالية");
    private static readonly string[] ReadAlsoMarker = MarkerWords("إقرأ أيضاً");
    private static readonly string[] SimilarMarker = MarkerWords("مقالات مشابهة");
    private static readonly (Section Kind, string[] Words)[] HeaderMarkers = [(Section.ReadAlso, ReadAlsoMarker), (Section.Similar, SimilarMarker)];

    private enum Section
    {
        Body,
        Related,
        Source,
        Keywords,
        ReadAlso,
        Similar,

        /// <summary>Lines that belong to no part of the result: the read-also article's own credits, a second read-also block.</summary>
        Skipped,
    }

    /// <summary>Reads the page; see <see cref="NewsPageResult"/> for how an unreadable page is reported.</summary>
    /// <param name="text">The page text; any line endings.</param>
    /// <param name="knowledge">Phrases known to the store, used to split run-together keywords and titles.</param>
    public static NewsPageResult Parse(string text, IPhraseKnowledge? knowledge = null) => Read(text).Split(knowledge);

    /// <summary>
    /// The first, linear half of <see cref="Parse"/>: the page's lines routed to their sections. Callers can
    /// check its sizes and look up <see cref="PageLayout.StorePhrases"/> before the splitting half runs.
    /// </summary>
    public static PageLayout Read(string text)
    {
        var collector = new PageCollector();
        foreach (var line in Lines(text ?? string.Empty))
        {
            collector.Add(line);
        }

        return new PageLayout(collector);
    }

    private static string[] MarkerWords(string marker) => ArabicNormalizer.Normalize(marker).Split(' ');

    /// <summary>Lines with whitespace collapsed; lines without a letter or digit (blank, "* * *") are dropped.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = CollapseWhitespace(raw);
            if (ArabicNormalizer.Normalize(line).Length > 0)
            {
                yield return line;
            }
        }
    }

    private static string CollapseWhitespace(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The marker a line starts with and the text after it, or null for a content line.</summary>
    private static Marker? Classify(string line)
    {
        var tokens = Tokenizer.Tokenize(line);
        if (StartsWith(tokens, RelatedMarker))
        {
            return new Marker(Section.Related, After(line, tokens[RelatedMarker.Length - 1], out _));
        }

        if (StartsWith(tokens, KeywordsMarker))
        {
            return new Marker(Section.Keywords, After(line, tokens[KeywordsMarker.Length - 1], out _));
        }

        if (StartsWith(tokens, SourceMarker))
        {
            var rest = After(line, tokens[0], out var colon);
            return colon ? new Marker(Section.Source, rest) : null;
        }

        foreach (var (kind, marker) in HeaderMarkers)
        {
            if (StartsWith(tokens, marker))
            {
                var rest = After(line, tokens[marker.Length - 1], out var colon);
                return rest.Length == 0 || colon ? new Marker(kind, rest) : null;
            }
        }

        return null;
    }

    private static bool StartsWith(List<Token> tokens, string[] marker)
    {
        if (tokens.Count < marker.Length)
        {
            return false;
        }

        for (var i = 0; i < marker.Length; i++)
        {
            if (!string.Equals(tokens[i].Normalized, marker[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text after a token, without the colon that may follow it; empty when nothing readable follows.</summary>
    private static string After(string line, Token token, out bool colon)
    {
        var rest = line.AsSpan(token.Start + token.Length).TrimStart();
        colon = rest.Length > 0 && rest[0] is ':' or '：';
        var text = (colon ? rest[1..] : rest).Trim().ToString();
        return ArabicNormalizer.Normalize(text).Length == 0 ? string.Empty : text;
    }

    /// <summary>The line without a leading bullet or list number; empty when nothing else is left.</summary>
    private static string StripBullet(string line)
    {
        var text = line.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (Bullets.Contains(text[0], StringComparison.Ordinal))
        {
            text = text[1..];
        }
        else
        {
            var digits = 0;
            while (digits < text.Length && char.IsDigit(text[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < text.Length && NumberBulletEnds.Contains(text[digits], StringComparison.Ordinal))
            {
                text = text[(digits + 1)..];
            }
        }

        return text.Trim().ToString();
    }

    /// <summary>A marker line: which section it opens, and the text after the marker (empty when none).</summary>
    private readonly record struct Marker(Section Kind, string Text);

    /// <summary>Walks the lines once, routing each to the section the last marker opened.</summary>
    internal sealed class PageCollector
    {
        private Section section = Section.Body;
        private bool awaitingPublisher;
        private bool readAlsoSeen;

        public List<string> Body { get; } = [];

        public List<string> RelatedRuns { get; } = [];

        public List<string> KeywordRuns { get; } = [];

        public List<string> ReadAlsoBody { get; } = [];

        public List<string> Similar { get; } = [];

        public string? Publisher { get; private set; }

        public string? Agency { get; private set; }

        public string? ReadAlsoTitle { get; private set; }

        public void Add(string line)
        {
            var marker = Classify(line);
            if (marker is not { } found)
            {
                AddContent(line);
                return;
            }

            awaitingPublisher = false;
            section = found.Kind;
            switch (found.Kind)
            {
                case Section.Related:
                    AddRelated(found.Text);
                    break;
                case Section.Source when readAlsoSeen:
                    section = Section.Skipped;
                    break;
                case Section.Source when Publisher is null:
                    Publisher = found.Text.Length > 0 ? found.Text : null;
                    awaitingPublisher = Publisher is null;
                    break;
                case Section.Keywords when found.Text.Length > 0:
                    KeywordRuns.Add(found.Text);
                    break;
                case Section.ReadAlso when readAlsoSeen:
                    section = Section.Skipped; // a second read-also block: only the first is the page's
                    break;
                case Section.ReadAlso:
                    readAlsoSeen = true;
                    ReadAlsoTitle = NullIfEmpty(StripBullet(found.Text));
                    break;
                case Section.Similar:
                    AddSimilar(found.Text);
                    break;
                default:
                    break;
            }
        }

        private void AddContent(string line)
        {
            switch (section)
            {
                case Section.Body:
                    Body.Add(line);
                    break;
                case Section.Related:
                    AddRelated(line);
                    break;
                case Section.Source when awaitingPublisher:
                    Publisher = line; // "المصدر:" alone, the name on the next line
                    awaitingPublisher = false;
                    break;
                case Section.Keywords:
                    KeywordRuns.Add(line);
                    break;
                case Section.ReadAlso when ReadAlsoTitle is null:
                    ReadAlsoTitle = NullIfEmpty(StripBullet(line));
                    break;
                case Section.ReadAlso:
                    ReadAlsoBody.Add(line);
                    break;
                case Section.Similar:
                    AddSimilar(line);
                    break;
                default:
                    break;
            }
        }

        private static string? NullIfEmpty(string text) => text.Length > 0 ? text : null;

        private void AddSimilar(string line)
        {
            var title = StripBullet(line);
            if (title.Length > 0)
            {
                Similar.Add(title);
            }
        }

        /// <summary>Titles run together, then "المصدر: agency" at the end of the same line.</summary>
        private void AddRelated(string text)
        {
            var tokens = Tokenizer.Tokenize(text);
            for (var i = tokens.Count - 1; i >= 0; i--)
            {
                if (string.Equals(tokens[i].Normalized, SourceMarker[0], StringComparison.Ordinal))
                {
                    var agency = After(text, tokens[i], out var colon);
                    if (colon)
                    {
                        Agency ??= agency.Length > 0 ? agency : null;
                        text = text[..tokens[i].Start].Trim();
                        break;
                    }
                }
            }

            if (ArabicNormalizer.Normalize(text).Length > 0)
            {
                RelatedRuns.Add(text);
            }
        }
    }
}
