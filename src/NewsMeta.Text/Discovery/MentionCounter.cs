namespace NewsMeta.Text.Discovery;

/// <summary>
/// Turns candidates into <see cref="DiscoveredEntity"/>s: every mention found by one
/// <see cref="EntityMatcher"/> over all their spellings (leftmost-longest, so "بلدية الريان" is the
/// organisation, not also the place), plus nisba mentions of places; confidence grows with cues,
/// mentions and a publisher tag.
/// </summary>
internal static class MentionCounter
{
    private const double PerCue = 0.05;
    private const int MaxExtraCues = 2;
    private const double PerMention = 0.02;
    private const int MaxExtraMentions = 3;
    private const double MaxConfidence = 0.99;

    public static List<DiscoveredEntity> Finish(IReadOnlyList<DiscoveryField> fields, DiscoveryCandidates candidates, double minConfidence)
    {
        var all = candidates.All;
        var matcher = EntityMatcher.Build(all.SelectMany((c, id) => c.Keys.Select(k => (id, k))));
        var mentions = all.Select(c => new List<DiscoveredMention>(c.NisbaMentions)).ToList();
        foreach (var field in fields)
        {
            foreach (var mention in matcher.MatchTokens(field.Tokens))
            {
                mentions[mention.EntityId].Add(new DiscoveredMention(field.Field, mention.Start, mention.Length));
            }
        }

        return all
            .Select((c, id) => (Candidate: c, Mentions: mentions[id].Distinct().OrderBy(m => m.Field).ThenBy(m => m.Start).ToList()))
            .Select(x => new DiscoveredEntity(
                x.Candidate.Name,
                x.Candidate.Type,
                Math.Round(Confidence(x.Candidate, x.Mentions.Count), 3),
                [.. x.Candidate.Aliases.Values],
                x.Mentions))
            .Where(e => e.Confidence >= minConfidence && e.Mentions.Count > 0)
            .OrderBy(e => e.Mentions[0].Field).ThenBy(e => e.Mentions[0].Start)
            .ToList();
    }

    private static double Confidence(DiscoveryCandidate candidate, int mentionCount) =>
        Math.Min(MaxConfidence, candidate.Confidence
            + (PerCue * Math.Min(MaxExtraCues, candidate.Cues - 1))
            + (PerMention * Math.Min(MaxExtraMentions, Math.Max(0, mentionCount - 1))));
}
