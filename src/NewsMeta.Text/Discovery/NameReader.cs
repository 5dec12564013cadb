namespace NewsMeta.Text.Discovery;

/// <summary>
/// Reads how far a name runs after its cue, one word at a time and never across a clause break: the
/// rules that tell "سامر الخطيب" from "سامر الخطيب للصحافيين". Each call looks at a bounded number of
/// words, so discovery stays linear in the text.
/// </summary>
internal sealed class NameReader(Gazetteer gazetteer)
{
    /// <summary>Words between a role and its person: "الرئيس [الروسي] فلاديمير بوتين".</summary>
    public const int MaxRoleGap = 5;

    public const int MaxPersonWords = 4;

    /// <summary>The person a role at <paramref name="roleEnd"/> introduces: [start, end), or null.</summary>
    public (int Start, int End)? PersonAfterRole(IReadOnlyList<DiscoveryWord> words, int roleEnd)
    {
        var k = roleEnd;
        for (var skipped = 0; k < words.Count && skipped < MaxRoleGap; skipped++)
        {
            var word = words[k];
            if (word.BreakBefore)
            {
                return null;
            }

            if (word.IsIn(DiscoveryCues.OrganizationHeads) && !word.IsDefinite)
            {
                k = OrganizationNames.AfterHead(words, k + 1, quotedOnly: false)?.End ?? k + 1;
            }
            else if (gazetteer.Match(words, k) is { } place)
            {
                k += place.Words;
            }
            else if (word.IsDefinite || word.IsIn(DiscoveryCues.RoleLinks) || word.IsIn(DiscoveryCues.PersonRoles))
            {
                k++;
            }
            else if (k == roleEnd && IsIndefiniteRole(words[roleEnd - 1]))
            {
                return null; // "لاعب مهم", "مرشح جدي": an adjective; a name follows a definite role ("اللاعب إياد القاسم")
            }
            else
            {
                return PersonAt(words, k);
            }
        }

        return null;
    }

    /// <summary>A person's name starting exactly at <paramref name="start"/>: [start, end), or null when the word cannot start one.</summary>
    public (int Start, int End)? PersonAt(IReadOnlyList<DiscoveryWord> words, int start)
    {
        if (start >= words.Count || !CanStartName(words[start]))
        {
            return null;
        }

        var end = start + 1;
        var plainWords = 0;
        var open = words[start].IsIn(DiscoveryCues.NameParticles); // a particle waits for the word it joins
        var familyOnly = false; // after a compound surname ("ليلى عبد الرحمن") only a family name may follow
        var hadParticle = open; // "خالد بن ناصر الحمادي": a particle's chain may end with a family name
        while (end < words.Count && end - start < MaxPersonWords)
        {
            var word = words[end];
            if (word.BreakBefore || word.QuoteBefore || IsNotName(word) || word.HasArticleClitic)
            {
                break;
            }

            if (word.IsIn(DiscoveryCues.NameParticles))
            {
                (open, hadParticle) = (true, true);
                end++;
                continue;
            }

            if (word.Normalized.StartsWith("ال", StringComparison.Ordinal))
            {
                if (plainWords >= 1 && !open && !hadParticle)
                {
                    break; // "جوي موانغي الرقم": after two plain words the name is complete
                }

                end++;
                if (!open && !DiscoveryCues.CompoundNameEnds.Contains(word.Normalized))
                {
                    break; // a family name ends the name: "سامر الخطيب"
                }

                // A compound first name ("حسام الدين", "عبد الله") may be followed like any first name.
                (open, plainWords, familyOnly) = (false, 0, end - start > 2);
                continue;
            }

            if (familyOnly || (plainWords >= 1 && !open) || LooksLikeVerb(word.Normalized))
            {
                break;
            }

            plainWords++;
            open = false;
            end++;
        }

        // A name does not end with its particle ("خالد بن" before a break).
        while (end - 1 > start && words[end - 1].IsIn(DiscoveryCues.NameParticles))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>
    /// The place after a location head ("مدينة الريان", "العاصمة الفرنسية باريس"): [start, end), or null. Not a
    /// word after a quote ("المدينة «عانت"), one led by a preposition ("بأكملها", "العاصمة بزيادة"),
    /// nor a word that agrees with the head as its adjective or verb (<see cref="AgreesWithHead"/>).
    /// </summary>
    public (int Start, int End)? LocationAfterHead(IReadOnlyList<DiscoveryWord> words, int start, DiscoveryWord head)
    {
        var definiteHead = head.Normalized.StartsWith("ال", StringComparison.Ordinal);
        var k = start;
        while (k < words.Count && !words[k].BreakBefore && gazetteer.Nisba(words[k]) is not null)
        {
            k++;
        }

        if (k >= words.Count || words[k].BreakBefore || IsNotName(words[k]) || words[k].HasArticleClitic || gazetteer.Match(words, k) is not null)
        {
            return null;
        }

        var definite = words[k].Normalized.StartsWith("ال", StringComparison.Ordinal);
        if ((definite && definiteHead) || LooksLikeVerb(words[k].Normalized) || words[k].Normalized.Length < 3
            || words[k].QuoteBefore || words[k].HasPrepositionBeforePlace || (!definite && AgreesWithHead(head, words[k])))
        {
            return null;
        }

        return (k, k + 1);
    }

    /// <summary>Present-tense verbs start with ي or ت; a few first names do too, and are listed.</summary>
    public static bool LooksLikeVerb(string normalized) =>
        FunctionWords.IsNewsVerb(normalized)
        || (normalized.Length >= 4 && normalized[0] is 'ي' or 'ت' && !DiscoveryCues.VerbLikeNames.Contains(normalized));

    /// <summary>A plural past verb ends with وا ("افتقدوا"); checked on a name's first word only, as family names may ("دوبوا").</summary>
    private static bool LooksLikePluralVerb(string normalized) => normalized.Length >= 5 && normalized.EndsWith("وا", StringComparison.Ordinal);

    /// <summary>
    /// An indefinite word that agrees with the head before it, as its adjective or its verb: after a
    /// feminine head a feminine adjective or nisba ("مدينة ساحلية", "مدينة معلقة", "شركة ناشئة") or a
    /// feminine past verb ("مدينة عانت"); after a masculine head a nisba ("صندوق إقليمي"). Names of places
    /// and organisations are nouns, and the gazetteer is asked before this.
    /// </summary>
    internal static bool AgreesWithHead(DiscoveryWord head, DiscoveryWord word)
    {
        var w = word.Normalized;
        if (w.Length < 4)
        {
            return false;
        }

        // Agreement in gender is what tells an adjective from a construct: "جمعية مزارعي الوادي" (the farmers'
        // association) is a name, its ي-word does not agree with a feminine head.
        return head.TaMarbuta
            ? word.TaMarbuta || (w.Length <= 5 && w.EndsWith('ت'))
            : w.EndsWith('ي');
    }

    /// <summary>A role without the article or a pronoun ("لاعب", "مرشح"; not "اللاعب", "نظيره", "د").</summary>
    private static bool IsIndefiniteRole(DiscoveryWord role) =>
        role.Normalized.Length > 2 && !role.IsDefinite && !role.Normalized.EndsWith('ه') && !role.Normalized.EndsWith("ها", StringComparison.Ordinal);

    private bool CanStartName(DiscoveryWord word) =>
        !IsNotName(word) && !word.QuoteBefore && !word.HasConjunction && !word.IsDefinite && !LooksLikeVerb(word.Normalized) && !LooksLikePluralVerb(word.Normalized)
        && word.Normalized.Length >= 2 && !word.Normalized.All(char.IsDigit)
        && gazetteer.Match([word], 0) is null && gazetteer.Nisba(word) is null;

    /// <summary>Words that are never part of a name: function words, cues of any kind, nisbas, adjectives that trail names.</summary>
    internal bool IsNotName(DiscoveryWord word) =>
        FunctionWords.Contains(word.Normalized) || FunctionWords.IsTimeWord(word.Normalized)
        || word.IsIn(DiscoveryCues.PersonRoles) || word.IsIn(DiscoveryCues.LocationHeads)
        || (word.IsIn(DiscoveryCues.OrganizationHeads) && !word.Normalized.StartsWith("ال", StringComparison.Ordinal))
        || word.IsIn(DiscoveryCues.AfterNameAdjectives) || gazetteer.Nisba(word) is not null
        || word.Normalized.All(char.IsDigit) || word.Tanween;
}
