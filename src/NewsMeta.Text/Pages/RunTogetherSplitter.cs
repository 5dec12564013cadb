using System.Text;

namespace NewsMeta.Text.Pages;

/// <summary>
/// Splits text a page ran together without separators (related titles, keywords) into its items,
/// using first the phrases something attests: the store (<see cref="IPhraseKnowledge"/>) or the page itself.
/// Keywords are never cut by guesswork: a wrong split invents a keyword that then gets stored and linked,
/// so an unattested stretch of keywords is kept whole. Titles have one more, last signal: a stretch no
/// title attests is cut by <see cref="HeadlineGrammar"/> where a new headline visibly starts (the same
/// first word as the title before, a verb after a complete headline, a subject and its verb), and only
/// when every piece reads as a headline.
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
/// <item>Work is bounded for any input: spans are at most <see cref="MaxStoreTitleWords"/> words, or as
/// long as the longest page title of up to <see cref="MaxPageTitleWords"/> words (a longer "title" attests
/// nothing). So a run of n words costs O(n) spans and comparisons (<see cref="SplitWork"/> counts them), and a split checks its cancellation
/// token as it goes.</item>
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

    /// <summary>Page titles longer than this attest nothing: no headline is this long, and it bounds the spans looked at.</summary>
    public const int MaxPageTitleWords = 100;

    /// <summary>A clitic is only stripped when at least this many letters remain (as in <see cref="EntityMatcher"/>).</summary>
    private const int MinStrippedLength = 2;

    private static readonly char[] KeywordSeparators = ['،', ',', '؛', ';', '|'];
    private static readonly char[] ClauseBreaks = ['.', '،', ',', '؛', ';', ':', '!', '?', '؟', '(', ')', '[', ']', '«', '»', '"', '“', '”', '\n'];
    private static readonly char[] TitleEdges = [' ', '-', '–', '—', '|', '•', '·'];
    private static readonly char[] KeywordEdges = [' ', '-', '–', '—', '|', '•', '·', '.', ':', '：', '،', ',', '؛', ';'];

    private readonly Dictionary<string, bool> knownCache = new(StringComparer.Ordinal);
    private readonly HashSet<string> pageTitles = new(StringComparer.Ordinal);
    private readonly HashSet<string> bodyPhrases = new(StringComparer.Ordinal);
    private readonly int longestPageTitle;
    private IPhraseKnowledge? knowledge;
    private SplitWork work = new();
    private CancellationToken ct;

    /// <param name="pageTitles">Other titles on the page, which attest titles in the related run.</param>
    /// <param name="attestingTexts">Body and read-also text, whose word sequences attest keywords.</param>
    public RunTogetherSplitter(IEnumerable<string> pageTitles, IEnumerable<string> attestingTexts)
    {
        foreach (var title in pageTitles)
        {
            var normalized = ArabicNormalizer.Normalize(title);
            var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is >= 2 and <= MaxPageTitleWords)
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

    /// <summary>What the next calls use: the store's phrases (null: the page alone), the work counter, the cancellation token.</summary>
    /// <param name="knowledge">The store's phrases, or null to use the page alone.</param>
    /// <param name="work">Counts the work done; a fresh counter when null.</param>
    /// <param name="ct">Checked while splitting.</param>
    public RunTogetherSplitter Use(IPhraseKnowledge? knowledge, SplitWork? work, CancellationToken ct)
    {
        this.knowledge = knowledge;
        this.work = work ?? new SplitWork();
        this.ct = ct;
        knownCache.Clear();
        return this;
    }

    /// <summary>
    /// The titles of a run: attested titles first (<see cref="Segment"/>); then each stretch nothing attests is
    /// cut by <see cref="HeadlineGrammar"/> where a new headline visibly starts, if every piece reads as one.
    /// </summary>
    public IEnumerable<string> SplitTitles(string run)
    {
        var grammar = new HeadlineGrammar(phrase => IsKnown(phrase) || bodyPhrases.Contains(phrase), work);
        foreach (var item in Segment(Words(run), Math.Max(MaxStoreTitleWords, longestPageTitle), IsAttestedTitle))
        {
            var words = Words(item);
            var pieces = IsAttestedTitle(ArabicNormalizer.Normalize(item), words.Length) ? [words] : grammar.Split(words);
            foreach (var piece in pieces)
            {
                var title = string.Join(' ', piece).Trim(TitleEdges);
                if (title.Length > 0)
                {
                    yield return title;
                }
            }
        }
    }

    public IEnumerable<string> SplitKeywords(string run)
    {
        foreach (var group in KeywordGroups(run))
        {
            foreach (var keyword in Segment(group, MaxKeywordWords, IsAttestedKeyword))
            {
                var trimmed = keyword.Trim(KeywordEdges);
                if (trimmed.Length > 0)
                {
                    yield return trimmed;
                }
            }
        }
    }

    /// <summary>
    /// Every phrase splitting these runs may ask <see cref="IPhraseKnowledge"/> about, so a caller can look
    /// them all up in one round before splitting (the same spans <see cref="Segment"/> looks at).
    /// </summary>
    public IEnumerable<string> StorePhrases(IEnumerable<string> titleRuns, IEnumerable<string> keywordRuns)
    {
        foreach (var run in titleRuns)
        {
            foreach (var (phrase, count) in Spans(Words(run), MaxStoreTitleWords))
            {
                if (count >= MinStoreTitleWords && !pageTitles.Contains(phrase))
                {
                    yield return phrase;
                }
            }
        }

        foreach (var group in keywordRuns.SelectMany(KeywordGroups))
        {
            foreach (var (phrase, _) in Spans(group, MaxKeywordWords))
            {
                yield return phrase;
            }
        }
    }

    private static string[] Words(string run) => run.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The stretches of a keyword run between explicit separators (، , ؛ ; | or a word of punctuation only).</summary>
    private static IEnumerable<string[]> KeywordGroups(string run)
    {
        foreach (var piece in run.Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var group = new List<string>();
            // The trailing "|" (punctuation only, like any separator word) flushes the last group.
            foreach (var word in Words(piece).Append("|"))
            {
                if (ArabicNormalizer.Normalize(word).Length > 0)
                {
                    group.Add(word);
                    continue;
                }

                if (group.Count > 0)
                {
                    yield return [.. group];
                }

                group.Clear();
            }
        }
    }

    /// <summary>Each start's spans of up to <paramref name="maxWords"/> words with letters or digits: the normalised phrase and that count.</summary>
    private IEnumerable<(string Phrase, int Count)> Spans(string[] words, int maxWords)
    {
        var normalized = Array.ConvertAll(words, ArabicNormalizer.Normalize);
        for (var i = 0; i < normalized.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            var phrase = new StringBuilder();
            var count = 0;
            for (var j = i; j < normalized.Length; j++)
            {
                if (normalized[j].Length == 0)
                {
                    continue;
                }

                if (++count > maxWords)
                {
                    break;
                }

                phrase.Append(phrase.Length > 0 ? " " : string.Empty).Append(normalized[j]);
                work.SpansBuilt++;
                yield return (phrase.ToString(), count);
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
    /// <paramref name="maxWords"/> such words are looked up, and the best unattested first item is kept
    /// as a running best over the later starts, so a line costs O(words × maxWords), never more.
    /// </summary>
    private List<string> Segment(string[] words, int maxWords, Func<string, int, bool> isAttested)
    {
        var n = words.Length;
        var normalized = Array.ConvertAll(words, ArabicNormalizer.Normalize);

        // covered[i], items[i], next[i]: the best segmentation of words[i..], and where its first item ends.
        // Better means more words covered by attested items, then fewer items, then a longer first item.
        var covered = new int[n + 1];
        var items = new int[n + 1];
        var next = new int[n + 1];

        // bestEnd[k]: among the ends j >= k, the one whose rest words[j..] is segmented best: where an
        // unattested first item should end (it covers nothing, so only the rest counts).
        var bestEnd = new int[n + 1];
        bestEnd[n] = n;
        for (var i = n - 1; i >= 0; i--)
        {
            ct.ThrowIfCancellationRequested();
            var end = bestEnd[i + 1];
            (covered[i], items[i], next[i]) = (covered[end], 1 + items[end], end);

            var phrase = new StringBuilder();
            var count = 0;
            var attested = false; // of the span up to the last word with letters or digits
            for (var j = i + 1; j <= n; j++)
            {
                if (normalized[j - 1].Length > 0)
                {
                    if (++count > maxWords)
                    {
                        break;
                    }

                    phrase.Append(phrase.Length > 0 ? " " : string.Empty).Append(normalized[j - 1]);
                    work.SpansBuilt++;
                    attested = isAttested(phrase.ToString(), count);
                }

                if (!attested)
                {
                    continue;
                }

                work.Comparisons++;
                var total = count + covered[j];
                var itemCount = 1 + items[j];
                if (total > covered[i] || (total == covered[i] && (itemCount < items[i] || (itemCount == items[i] && j > next[i]))))
                {
                    (covered[i], items[i], next[i]) = (total, itemCount, j);
                }
            }

            work.Comparisons++;
            var best = bestEnd[i + 1];
            bestEnd[i] = covered[i] > covered[best] || (covered[i] == covered[best] && items[i] < items[best]) ? i : best;
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
