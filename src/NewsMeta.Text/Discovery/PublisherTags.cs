namespace NewsMeta.Text.Discovery;

/// <summary>
/// Publisher tags that name a person or an organisation, typed by what the text says around them: a
/// tag written after a role is a person, after an organisation head an organisation; a tag the text
/// already found (or the gazetteer knows) adds confidence. A tag nothing types stays a keyword.
/// </summary>
internal sealed class PublisherTags(NameReader reader, Gazetteer gazetteer)
{
    /// <summary>Tags are names, not sentences: longer ones are skipped.</summary>
    private const int MaxTagWords = 5;

    /// <summary>A tag typed only by a reporting verb next to it ("قال سامر الخطيب") is less sure than one after a role.</summary>
    private const double VerbConfidence = 0.6;

    private const double TagBonus = 0.1;

    public void Apply(IEnumerable<string> tags, IReadOnlyList<DiscoveryField> fields, DiscoveryCandidates candidates)
    {
        foreach (var tag in tags.Take(DiscoveryCandidates.MaxCandidates))
        {
            var key = ArabicNormalizer.Normalize(tag);
            var tagWords = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tagWords.Length is 0 or > MaxTagWords)
            {
                continue;
            }

            if (candidates.Find(key) is { } known)
            {
                known.Tagged = true;
                known.Confidence = Math.Min(1, known.Confidence + TagBonus);
                continue;
            }

            if (Type(tag.Trim(), tagWords, fields) is { } typed)
            {
                var candidate = candidates.Add(tag.Trim(), typed.Type, typed.Confidence);
                candidate?.Tagged = true;
            }
        }
    }

    private (DiscoveredType Type, double Confidence)? Type(string tag, string[] tagWords, IReadOnlyList<DiscoveryField> fields)
    {
        var first = DiscoveryWords.Read(tag);
        if (first.Count > 0 && first[0].FormIn(DiscoveryCues.OrganizationHeads) is { } head && !head.StartsWith("ال", StringComparison.Ordinal)
            && !DiscoveryCues.QuotedOnlyHeads.Contains(head) && tagWords.Length > 1)
        {
            return (DiscoveredType.Organization, EntityDiscoverer.OrganizationConfidence);
        }

        foreach (var field in fields)
        {
            var words = field.Words;
            for (var p = 0; p + tagWords.Length <= words.Count; p++)
            {
                if (!Occurs(words, p, tagWords))
                {
                    continue;
                }

                if (Before(words, p) is { } cue)
                {
                    return cue;
                }

                var nextIsVerb = p + tagWords.Length < words.Count && FunctionWords.IsNewsVerb(words[p + tagWords.Length].Normalized);
                var previousIsVerb = p > 0 && FunctionWords.IsNewsVerb(words[p - 1].Normalized);
                if ((nextIsVerb || previousIsVerb) && tagWords.Length is 2 or 3 && reader.PersonAt(words, p) is { } person && person.End - person.Start == tagWords.Length)
                {
                    return (DiscoveredType.Person, VerbConfidence);
                }
            }
        }

        return null;
    }

    /// <summary>The type the words before an occurrence give it: a role a few words back, or an organisation head right before.</summary>
    private (DiscoveredType, double)? Before(List<DiscoveryWord> words, int p)
    {
        if (p > 0 && words[p - 1].FormIn(DiscoveryCues.OrganizationHeads) is { } head && !head.StartsWith("ال", StringComparison.Ordinal) && !words[p].BreakBefore)
        {
            return (DiscoveredType.Organization, EntityDiscoverer.OrganizationConfidence);
        }

        for (var r = Math.Max(0, p - NameReader.MaxRoleGap); r < p; r++)
        {
            if (words[r].IsIn(DiscoveryCues.PersonRoles) && reader.PersonAfterRole(words, r + 1) is { } person && person.Start == p)
            {
                return (DiscoveredType.Person, EntityDiscoverer.RoleConfidence);
            }
        }

        return gazetteer.Match(words, p) is { } place ? (place.Entry.Type, EntityDiscoverer.GazetteerConfidence) : null;
    }

    private static bool Occurs(List<DiscoveryWord> words, int p, string[] tagWords)
    {
        if (!words[p].Forms.Contains(tagWords[0]))
        {
            return false;
        }

        for (var k = 1; k < tagWords.Length; k++)
        {
            if (words[p + k].BreakBefore || words[p + k].Normalized != tagWords[k])
            {
                return false;
            }
        }

        return true;
    }
}
