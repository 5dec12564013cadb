namespace NewsMeta.Text.Discovery;

/// <summary>
/// How far an organisation's name runs after its head word: quoted words ("شركة «نور للنقل»"), a construct
/// ("وزارة النقل", "جامعة الشرق للعلوم"), or a definite head with a nisba ("البنك المركزي المصري"). Unlike a
/// person's name it may hold a nisba. Each call looks at a bounded number of words.
/// </summary>
internal static class OrganizationNames
{
    public const int MaxOrganizationWords = 4;

    public const int MaxQuotedWords = 6;

    /// <summary>
    /// The name after an organisation head: the quoted words right after it, else the words of its
    /// construct ("وزارة النقل", "وكالة الأنباء المحلية", "شركة نور للنقل"). Null when nothing follows,
    /// or when the head is one that only starts a name before quotes.
    /// </summary>
    /// <remarks>
    /// Not a name: a common noun phrase whose first word agrees with the head ("صندوق إقليمي", "شركة ناشئة",
    /// see <see cref="NameReader.AgreesWithHead"/>) or is led by the conjunction و ("مكتبة ومسرحا"). A name
    /// stops before a word led by a preposition ("برأسمال") unless that word has the article ("للنقل").
    /// </remarks>
    public static (int Start, int End, bool Quoted)? AfterHead(IReadOnlyList<DiscoveryWord> words, int start, bool quotedOnly)
    {
        if (start >= words.Count || words[start].BreakBefore)
        {
            return null;
        }

        if (words[start].QuoteBefore)
        {
            for (var end = start; end < words.Count && end - start < MaxQuotedWords; end++)
            {
                if (end > start && words[end].BreakBefore)
                {
                    break;
                }

                if (words[end].QuoteAfter)
                {
                    return (start, end + 1, true);
                }
            }

            return null;
        }

        if (quotedOnly)
        {
            return null;
        }

        if (words[start].IsIn(DiscoveryCues.NotNamesAfterHead) || words[start].HasConjunction
            || (start > 0 && !words[start].IsDefinite && NameReader.AgreesWithHead(words[start - 1], words[start])))
        {
            return null;
        }

        var k = start;
        var previousPlain = false;
        var definiteWords = 0;
        while (k < words.Count && k - start < MaxOrganizationWords)
        {
            var word = words[k];
            if ((k > start && (word.BreakBefore || word.QuoteBefore)) || IsNotOrganizationWord(word))
            {
                break;
            }

            if (word.HasArticleClitic)
            {
                // "نور للنقل", "جامعة الشرق للعلوم", "وزارة التجارة والصناعة": such a word closes the name.
                if (k > start && (word.Normalized.StartsWith("لل", StringComparison.Ordinal) || word.Normalized.StartsWith("وال", StringComparison.Ordinal)))
                {
                    k++;
                }

                break;
            }

            if (k > start && word.HasPreposition)
            {
                break;
            }

            if (word.Normalized.StartsWith("ال", StringComparison.Ordinal))
            {
                if (definiteWords++ > 0 && !LooksLikeAdjective(word))
                {
                    break; // "وزارة الاقتصاد الخطوط العريضة": a second definite noun is the verb's object, not the name
                }

                previousPlain = false;
            }
            else if ((k == start || (previousPlain && k - start < 2)) && !NameReader.LooksLikeVerb(word.Normalized))
            {
                previousPlain = true;
            }
            else
            {
                break;
            }

            k++;
        }

        // "بنك الاستثمار «النيل كابيتال»": a quoted name after a short construct is the name.
        if (k > start && k - start <= 2 && k < words.Count && words[k].QuoteBefore && !words[k].BreakBefore
            && AfterHead(words, k, quotedOnly: true) is { } quoted)
        {
            return quoted;
        }

        return k > start ? (start, k, false) : null;
    }

    /// <summary>
    /// A definite head with a nisba after it ("البنك المركزي المصري", "الاتحاد الكيني لألعاب القوى"):
    /// [head, end), or null. Up to two adjectives, the last a nisba, then perhaps a genitive with ل.
    /// </summary>
    public static int? DefiniteEnd(IReadOnlyList<DiscoveryWord> words, int head, Gazetteer gazetteer)
    {
        var k = head + 1;
        int? end = null;
        while (k < words.Count && k - head <= 2 && !words[k].BreakBefore && words[k].Normalized.StartsWith("ال", StringComparison.Ordinal) && !IsNotOrganizationWord(words[k]))
        {
            k++;
            if (gazetteer.Nisba(words[k - 1]) is not null)
            {
                end = k;
            }
        }

        if (end is not { } e)
        {
            return null;
        }

        if (e + 1 < words.Count && !words[e].BreakBefore && words[e].Normalized[0] == 'ل' && words[e].IsDefinite
            && !words[e + 1].BreakBefore && words[e + 1].Normalized.StartsWith("ال", StringComparison.Ordinal) && !IsNotOrganizationWord(words[e + 1]))
        {
            return e + 2; // "لألعاب القوى"
        }

        return e;
    }

    /// <summary>
    /// An adjective's shape: nisba ي ("الدولي") or its plural ("الزهرانيين"), feminine ة ("العالمية"), elative ى
    /// ("الكبرى"), a colour or elative أفعل / فعلاء ("الأخضر", "البيضاء").
    /// </summary>
    private static bool LooksLikeAdjective(DiscoveryWord word)
    {
        var w = word.Normalized;
        return word.TaMarbuta || word.AlefMaqsura || w.EndsWith('ي') || w.EndsWith("يين", StringComparison.Ordinal) || w.EndsWith("يون", StringComparison.Ordinal)
            || w.EndsWith("اء", StringComparison.Ordinal) || (w.Length == 6 && w.StartsWith("الا", StringComparison.Ordinal));
    }

    /// <summary>Words that end an organisation's name; unlike a person's, it may hold a nisba ("وزارة الخارجية الروسية").</summary>
    private static bool IsNotOrganizationWord(DiscoveryWord word) =>
        FunctionWords.Contains(word.Normalized) || FunctionWords.IsTimeWord(word.Normalized)
        || word.IsIn(DiscoveryCues.PersonRoles) || word.IsIn(DiscoveryCues.LocationHeads)
        || (word.IsIn(DiscoveryCues.OrganizationHeads) && !word.Normalized.StartsWith("ال", StringComparison.Ordinal))
        || word.IsIn(DiscoveryCues.AfterNameAdjectives) || word.IsIn(DiscoveryCues.AfterOrganizationAdjectives)
        || word.Normalized.All(char.IsDigit) || word.Tanween;
}
