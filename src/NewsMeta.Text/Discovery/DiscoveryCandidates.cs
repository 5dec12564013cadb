namespace NewsMeta.Text.Discovery;

/// <summary>A name discovery has found evidence for, while the evidence is still being gathered.</summary>
internal sealed class DiscoveryCandidate(string name, DiscoveredType type, double confidence)
{
    public string Name { get; set; } = name;

    public string Key { get; set; } = ArabicNormalizer.Normalize(name);

    public DiscoveredType Type { get; set; } = type;

    /// <summary>The strongest single cue's confidence.</summary>
    public double Confidence { get; set; } = confidence;

    /// <summary>How many cues named it (one per occurrence of a cue).</summary>
    public int Cues { get; set; } = 1;

    public bool Tagged { get; set; }

    /// <summary>Other spellings, by normalised form, as the text writes them.</summary>
    public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Nisba adjectives that stand for this place ("الروسية" for روسيا): mentions, not aliases.</summary>
    public List<DiscoveredMention> NisbaMentions { get; } = [];

    public IEnumerable<string> Keys => Aliases.Keys.Prepend(Key);
}

/// <summary>
/// The candidates of one article, keyed by every normalised spelling. A name found twice is one
/// candidate with more cues; a name found as two types keeps the type of the stronger cue.
/// </summary>
internal sealed class DiscoveryCandidates
{
    /// <summary>Most candidates one article can hold: discovery is bounded whatever the text.</summary>
    public const int MaxCandidates = 200;

    private readonly List<DiscoveryCandidate> all = [];
    private readonly Dictionary<string, DiscoveryCandidate> bySpelling = new(StringComparer.Ordinal);

    public IReadOnlyList<DiscoveryCandidate> All => all;

    public DiscoveryCandidate? Find(string normalized) => bySpelling.GetValueOrDefault(normalized);

    /// <summary>Adds a cue's name (and the fuller form it was written in, as an alias); returns its candidate, or null when full.</summary>
    public DiscoveryCandidate? Add(string name, DiscoveredType type, double confidence, string? alias = null)
    {
        var key = ArabicNormalizer.Normalize(name);
        if (key.Length < 2)
        {
            return null;
        }

        var candidate = bySpelling.GetValueOrDefault(key) ?? (alias is null ? null : bySpelling.GetValueOrDefault(ArabicNormalizer.Normalize(alias)));
        if (candidate is null)
        {
            if (all.Count >= MaxCandidates)
            {
                return null;
            }

            candidate = new DiscoveryCandidate(name, type, confidence);
            all.Add(candidate);
            bySpelling[key] = candidate;
        }
        else if (candidate.Type == type)
        {
            candidate.Cues++;
            candidate.Confidence = Math.Max(candidate.Confidence, confidence);
        }
        else if (confidence > candidate.Confidence)
        {
            (candidate.Type, candidate.Confidence, candidate.Cues) = (type, confidence, 1);
        }

        if (alias is not null)
        {
            AddAlias(candidate, alias);
        }

        return candidate;
    }

    public void AddAlias(DiscoveryCandidate candidate, string alias)
    {
        var key = ArabicNormalizer.Normalize(alias);
        if (key.Length >= 2 && key != candidate.Key && !bySpelling.ContainsKey(key))
        {
            candidate.Aliases[key] = alias;
            bySpelling[key] = candidate;
        }
    }

    /// <summary>
    /// Folds a shorter candidate into the one it is part of: "بوتين" (found after "الرئيس بوتين") into
    /// "فلاديمير بوتين" when that is the only same-type name ending with it.
    /// </summary>
    public void MergeShortForms()
    {
        foreach (var shorter in all.ToList())
        {
            var fuller = all.Where(c => c != shorter && c.Type == shorter.Type && c.Key.Length > shorter.Key.Length
                    && (c.Key.EndsWith(" " + shorter.Key, StringComparison.Ordinal) || (c.Type == DiscoveredType.Person && c.Key.StartsWith(shorter.Key + " ", StringComparison.Ordinal) && !shorter.Key.Contains(' ', StringComparison.Ordinal))))
                .Take(2)
                .ToList();
            if (fuller.Count != 1 || shorter.Type == DiscoveredType.Location)
            {
                continue;
            }

            var target = fuller[0];
            target.Cues += shorter.Cues;
            target.Confidence = Math.Max(target.Confidence, shorter.Confidence);
            target.Tagged |= shorter.Tagged;
            all.Remove(shorter);
            foreach (var key in shorter.Keys)
            {
                bySpelling.Remove(key);
            }

            AddAlias(target, shorter.Name);
            foreach (var alias in shorter.Aliases.Values)
            {
                AddAlias(target, alias);
            }
        }
    }

    /// <summary>
    /// Drops a person known by one word only, when no fuller name took it in (<see cref="MergeShortForms"/>) and
    /// no publisher tag names it: a role before a lone word ("النجمة بيتي", "اللاعب بعروض", "اللاعب سيبدأ")
    /// is far more often a role before a common word than a person the article never names in full.
    /// </summary>
    public void DropLoneWordPeople()
    {
        foreach (var lone in all.Where(c => c.Type == DiscoveredType.Person && !c.Tagged && !c.Key.Contains(' ', StringComparison.Ordinal)).ToList())
        {
            all.Remove(lone);
            foreach (var key in lone.Keys)
            {
                bySpelling.Remove(key);
            }
        }
    }
}
