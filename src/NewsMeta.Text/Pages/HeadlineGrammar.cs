using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Pages;

/// <summary>
/// The last signal for run-together titles: where no title is attested, a stretch is cut where a new
/// headline visibly starts, and only when every piece reads as a headline. A new headline starts
/// <list type="number">
/// <item>with the same first word as the headline before it ("سامر الخطيب يزور … سامر العلي يفتتح …"),
/// when a verb follows within three words;</item>
/// <item>with a verb, after a complete headline ("… تفتتح جسراً جديداً تطلق وزارة النقل خطة …");</item>
/// <item>with a short subject and its verb ("… فوق الوادي نور للنقل توقع عقداً …"); the subject is the
/// longest of 1–3 words the page attests, else two words when the first is an organisation head or a
/// role, or a construct ("وزارة الثقافة"), else one.</item>
/// </list>
/// A piece reads as a headline when it has <see cref="MinHeadlineWords"/> words or more, a verb among its
/// first four, and does not end on a function word. Each word is looked at a bounded number of times,
/// so a stretch of n words costs O(n) (<see cref="SplitWork"/> counts the checks).
/// </summary>
internal sealed class HeadlineGrammar(Func<string, bool> isAttestedPhrase, SplitWork work)
{
    public const int MinHeadlineWords = 4;

    /// <summary>How far into a headline its verb may stand: after a subject of up to three words.</summary>
    private const int MaxSubjectWords = 3;

    /// <summary>The pieces of an unattested stretch (original words), or the stretch whole when no cut leaves only headlines.</summary>
    public List<string[]> Split(string[] words)
    {
        var normalized = Array.ConvertAll(words, ArabicNormalizer.Normalize);
        var cuts = new List<int>();
        var pieceStart = 0;
        for (var b = pieceStart + MinHeadlineWords; b <= normalized.Length - MinHeadlineWords; b++)
        {
            work.Comparisons++;
            if (b - pieceStart < MinHeadlineWords || !ReadsAsHeadline(normalized, pieceStart, b))
            {
                continue;
            }

            if (StartsHeadline(normalized, pieceStart, b) && ReadsAsHeadlineStart(normalized, b))
            {
                cuts.Add(b);
                pieceStart = b;
                b += MinHeadlineWords - 1;
            }
        }

        // The last piece must read as a headline too; otherwise its cut is taken back.
        while (cuts.Count > 0 && !ReadsAsHeadline(normalized, cuts[^1], normalized.Length))
        {
            cuts.RemoveAt(cuts.Count - 1);
        }

        var pieces = new List<string[]>(cuts.Count + 1);
        var start = 0;
        foreach (var cut in cuts.Append(words.Length))
        {
            pieces.Add(words[start..cut]);
            start = cut;
        }

        return pieces;
    }

    /// <summary>A verb-like word of a headline: a listed news verb, or a present tense (ي or ت and 4+ letters) that is not a first name.</summary>
    internal static bool IsHeadlineVerb(string w) =>
        FunctionWords.IsNewsVerb(w)
        || (w.Length >= 4 && w[0] is 'ي' or 'ت' && !w.EndsWith('ه') && !w.EndsWith("ات", StringComparison.Ordinal) && !DiscoveryCues.VerbLikeNames.Contains(w));

    private static bool IsFunction(string w) => FunctionWords.IsParticle(w);

    private bool StartsHeadline(string[] w, int pieceStart, int b)
    {
        // 1. Same first word as the headline before it, a verb close behind.
        if (w[b] == w[pieceStart] && VerbWithin(w, b + 1, MaxSubjectWords))
        {
            return true;
        }

        // 2. A verb after a complete headline, a noun (not a particle) after it.
        if (IsHeadlineVerb(w[b]) && !IsFunction(w[b + 1]) && !IsHeadlineVerb(w[b + 1]))
        {
            return true;
        }

        // 3. A short subject, then its verb: cut where the chosen subject begins.
        for (var k = 1; k <= MaxSubjectWords && b + k < w.Length; k++)
        {
            work.Comparisons++;
            if (IsHeadlineVerb(w[b + k]))
            {
                // A one-word subject must be definite ("الريان تستضيف"): "جسراً جديداً تطلق" ends a headline, it does not start one.
                return SubjectLength(w, b + k) == k && (k > 1 || w[b].StartsWith("ال", StringComparison.Ordinal));
            }

            if (IsFunction(w[b + k]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>How many words before the verb at <paramref name="verb"/> form its subject.</summary>
    private int SubjectLength(string[] w, int verb)
    {
        for (var k = Math.Min(MaxSubjectWords, verb); k >= 2; k--)
        {
            work.SpansBuilt++;
            if (ValidSubject(w, verb - k, verb) && isAttestedPhrase(string.Join(' ', w[(verb - k)..verb])))
            {
                return k;
            }
        }

        if (verb >= 2 && ValidSubject(w, verb - 2, verb))
        {
            var head = DiscoveryWords.Forms(w[verb - 2]);
            var construct = !w[verb - 2].StartsWith("ال", StringComparison.Ordinal) && w[verb - 1].StartsWith("ال", StringComparison.Ordinal) && !w[verb - 2].EndsWith('ا');
            if (head.Any(DiscoveryCues.OrganizationHeads.Contains) || head.Any(DiscoveryCues.PersonRoles.Contains) || construct)
            {
                return 2;
            }
        }

        return 1;
    }

    private static bool ValidSubject(string[] w, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsFunction(w[i]) || IsHeadlineVerb(w[i]) || (i == start && w[i].StartsWith("لل", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return start == 0 || !IsFunction(w[start - 1]);
    }

    private static bool VerbWithin(string[] w, int from, int count)
    {
        for (var i = from; i < w.Length && i < from + count; i++)
        {
            if (IsHeadlineVerb(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>At least <see cref="MinHeadlineWords"/> words, a verb among the first four, not ending on a function word.</summary>
    private static bool ReadsAsHeadline(string[] w, int start, int end) =>
        end - start >= MinHeadlineWords && VerbWithin(w, start, MaxSubjectWords + 1) && !IsFunction(w[end - 1]);

    private static bool ReadsAsHeadlineStart(string[] w, int b) =>
        b + MinHeadlineWords <= w.Length && VerbWithin(w, b, MaxSubjectWords + 1) && !IsFunction(w[b]);
}
