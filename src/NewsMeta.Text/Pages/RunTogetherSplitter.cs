using System.Text;

namespace NewsMeta.Text.Pages;

/// <summary>
/// Splits text a page ran together without separators (related titles, keywords) into its items,
/// using only phrases something attests: the store (<see cref="IPhraseKnowledge"/>) or the page itself.
/// It never guesses a boundary from grammar, because a wrong split invents a keyword or a title that
/// then gets stored and linked; an unattested stretch is kept whole instead.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Words are compared on <see cref="ArabicNormalizer.Normalize"/>; the items returned are the
/// page's original words joined with single spaces.</item>
/// <item>Dynamic programming over word positions picks the segmentation that covers the most words
/// with attested phrases, then has the fewest items. Unattested words between attested phrases form
/// one item (merging two neighbouring unattested items always means fewer items). Ties go to the
/// longer first item, so the result is deterministic.</item>
/// <item>Titles are attested by the page's other titles (read-also, similar), or by the store when
/// at least <see cref="MinStoreTitleWords"/> words long: the store also knows entity names and
/// keywords, and "بلدية الريان" found inside a headline must not cut the headline in two.</item>
/// <item>Keywords are attested by the store, or, when 2+ words long, by occurring in the body or the
/// read-also article (within one clause; the first word may carry a clitic such as و ب ل or "لل",
/// as in "لبلدية الريان"). One word occurring in the body proves nothing, since nearly every keyword
/// word does. Explicit separators (، , ؛ ; | or a word of punctuation only) always split keywords.</item>
/// </list>
/// </remarks>
internal sealed class RunTogetherSplitter
{
    /// <summary>Store phrases shorter than this are names or keywords, not headlines.</summary>
    internal const int MinStoreTitleWords = 4;

    /// <summary>Longest keyword looked up; bounds the lookups per line.</summary>
    internal const int MaxKeywordWords = 8;

    /// <summary>Longest title looked up in the store; bounds the lookups per line.</summary>
    internal const int MaxStoreTitleWords = 30;

    /// <summary>A clitic is only stripped when at least this many letters remain (as in <see cref="EntityMatcher"/>).</summary>
    private const int MinStrippedLength = 2;

    private static readonly char[] KeywordSeparators = ['،', ',', '؛', ';', '|'];
    private static readonly char[] ClauseBreaks = ['.', '،', ',', '؛', ';', ':', '!', '?', '؟', '(', ')', '[', ']', '«', '»', '"', '“', '”', '\n'];
    private static readonly char[] TitleEdges = [' ', '-', '–', '—', '|', '•', '·'];
    private static readonly char[] KeywordEdges = [' ', '-', '–', '—', '|', '•', '·', '.', ':', '：', '،', ',', '؛', ';'];

    private readonly IPhraseKnowledge? knowledge;
    private readonly Dictionary<string, bool> knownCache = new(StringComparer.Ordinal);
    private readonly HashSet<string> pageTitles = new(StringComparer.Ordinal);
    private readonly HashSet<string> bodyPhrases = new(StringComparer.Ordinal);
    private readonly int longestPageTitle;

    /// <param name="knowledge">The store's phrases, or null to use the page alone.</param>
    /// <param name="pageTitles">Other titles on the page, which attest titles in the related run.</param>
    /// <param name="attestingTexts">Body and read-also text, whose word sequences attest keywords.</param>
    public RunTogetherSplitter(IPhraseKnowledge? knowledge, IEnumerable<string> pageTitles, IEnumerable<string> attestingTexts)
    {
        this.knowledge = knowledge;
        foreach (var title in pageTitles)
        {
            var normalized = ArabicNormalizer.Normalize(title);
            var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words >= 2)
            {
                this.pageTitles.Add(normalized);
                longestPageTitle = Math.Max(longestPageTitle, words);
            }
        }

        foreach (var text in attestingTexts)
        {
            AddPhrases(text);
        }
    }

    public IEnumerable<string> SplitTitles(string run) =>
        Segment(run.Split(' ', StringSplitOptions.RemoveEmptyEntries), Math.Max(MaxStoreTitleWords, longestPageTitle), IsAttestedTitle)
            .Select(title => title.Trim(TitleEdges))
            .Where(title => title.Length > 0);

    public IEnumerable<string> SplitKeywords(string run)
    {
        foreach (var piece in run.Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var group = new List<string>();
            // The trailing "|" (punctuation only, like any separator word) flushes the last group.
            foreach (var word in piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("|"))
            {
                if (ArabicNormalizer.Normalize(word).Length > 0)
                {
                    group.Add(word);
                    continue;
                }

                foreach (var keyword in Segment([.. group], MaxKeywordWords, IsAttestedKeyword))
                {
                    var trimmed = keyword.Trim(KeywordEdges);
                    if (trimmed.Length > 0)
                    {
                        yield return trimmed;
                    }
                }

                group.Clear();
            }
        }
    }

    private bool IsAttestedTitle(string phrase, int words) =>
        pageTitles.Contains(phrase) || (words is >= MinStoreTitleWords and <= MaxStoreTitleWords && IsKnown(phrase));

    private bool IsAttestedKeyword(string phrase, int words) =>
        words <= MaxKeywordWords && (IsKnown(phrase) || (words >= 2 && bodyPhrases.Contains(phrase)));

    private bool IsKnown(string phrase)
    {
        if (knowledge is null)
        {
            return false;
        }

        if (!knownCache.TryGetValue(phrase, out var known))
        {
            known = knowledge.IsKnownPhrase(phrase);
            knownCache[phrase] = known;
        }

        return known;
    }

    /// <summary>
    /// Best segmentation of <paramref name="words"/>; <paramref name="isAttested"/> gets a span's
    /// normalised phrase and its number of words that have letters or digits. Only spans of up to
    /// <paramref name="maxWords"/> such words are looked up, so a very long line costs quadratic time
    /// in its words but never builds a phrase longer than anything that could be attested.
    /// </summary>
    private static List<string> Segment(string[] words, int maxWords, Func<string, int, bool> isAttested)
    {
        var n = words.Length;
        var normalized = Array.ConvertAll(words, ArabicNormalizer.Normalize);

        // covered[i], items[i], next[i]: the best segmentation of words[i..], and where its first item ends.
        var covered = new int[n + 1];
        var items = new int[n + 1];
        var next = new int[n + 1];
        var phrases = new string[n + 1];
        var counts = new int[n + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            var phrase = new StringBuilder();
            var count = 0;
            var reach = i; // spans i..j with j <= reach have a phrase to look up
            for (var j = i + 1; j <= n; j++)
            {
                if (normalized[j - 1].Length > 0)
                {
                    if (++count > maxWords)
                    {
                        break;
                    }

                    phrase.Append(phrase.Length > 0 ? " " : string.Empty).Append(normalized[j - 1]);
                }

                phrases[j] = phrase.ToString();
                counts[j] = count;
                reach = j;
            }

            covered[i] = -1;
            for (var j = n; j > i; j--)
            {
                var gain = j <= reach && counts[j] > 0 && isAttested(phrases[j], counts[j]) ? counts[j] : 0;
                var total = gain + covered[j];
                var itemCount = 1 + items[j];
                if (total > covered[i] || (total == covered[i] && itemCount < items[i]))
                {
                    (covered[i], items[i], next[i]) = (total, itemCount, j);
                }
            }
        }

        var result = new List<string>();
        for (var i = 0; i < n; i = next[i])
        {
            result.Add(string.Join(' ', words[i..next[i]]));
        }

        return result;
    }

    /// <summary>Adds every 2..<see cref="MaxKeywordWords"/>-word sequence of each clause, with clitic-free first words.</summary>
    private void AddPhrases(string text)
    {
        foreach (var clause in text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = Tokenizer.Tokenize(clause).ConvertAll(token => token.Normalized);
            for (var start = 0; start + 1 < words.Count; start++)
            {
                foreach (var first in FirstWordForms(words[start]))
                {
                    var phrase = new StringBuilder(first);
                    for (var end = start + 1; end < words.Count && end - start < MaxKeywordWords; end++)
                    {
                        bodyPhrases.Add(phrase.Append(' ').Append(words[end]).ToString());
                    }
                }
            }
        }
    }

    /// <summary>The word, and the word without up to two of و ف and then one of ب ك ل or "لل" (→ "ال").</summary>
    private static HashSet<string> FirstWordForms(string word)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        var stem = word;
        for (var k = 0; k <= 2; k++)
        {
            forms.Add(stem);
            if (stem.StartsWith("لل", StringComparison.Ordinal) && stem.Length - 2 >= MinStrippedLength)
            {
                forms.Add("ال" + stem[2..]);
            }
            else if (stem.Length - 1 >= MinStrippedLength && stem[0] is 'ب' or 'ك' or 'ل')
            {
                forms.Add(stem[1..]);
            }

            if (stem.Length - 1 < MinStrippedLength || stem[0] is not ('و' or 'ف'))
            {
                break;
            }

            stem = stem[1..];
        }

        return forms;
    }
}
