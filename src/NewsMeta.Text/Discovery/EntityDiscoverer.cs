namespace NewsMeta.Text.Discovery;

/// <summary>
/// Finds the people, organisations and places an article names without the catalogue, from the cues
/// Arabic news writing gives: a title or role before a person ("المتحدث باسم الوزارة سامر الخطيب"),
/// a head word before an organisation ("وزارة النقل", "شركة "نور للنقل""), a gazetteer of countries
/// and cities (with nisba adjectives: "الرئيس الروسي" names Russia), a head word before a place
/// ("مدينة الريان"), and the publisher's tags typed by the cues around them in the text. Short forms
/// the same text uses (the surname alone) become aliases, and every mention is counted.
/// </summary>
/// <remarks>
/// Pure, deterministic and thread-safe. Linear in the text: each word is looked at from a bounded
/// window (<see cref="NameReader"/>'s limits), candidates are capped (<see cref="DiscoveryCandidates.MaxCandidates"/>),
/// and mentions are counted with one <see cref="EntityMatcher"/> pass per field.
/// </remarks>
public sealed class EntityDiscoverer
{
    /// <summary>Entities below this confidence are not returned.</summary>
    public const double MinConfidence = 0.5;

    internal const double RoleConfidence = 0.8;
    internal const double QuotedOrganizationConfidence = 0.85;
    internal const double OrganizationConfidence = 0.75;
    internal const double GazetteerConfidence = 0.9;
    internal const double NisbaConfidence = 0.6;
    internal const double LocationHeadConfidence = 0.7;

    private readonly Gazetteer gazetteer;
    private readonly NameReader reader;

    internal EntityDiscoverer(Gazetteer gazetteer)
    {
        this.gazetteer = gazetteer;
        reader = new NameReader(gazetteer);
    }

    /// <summary>The discoverer with the built-in gazetteer.</summary>
    public static EntityDiscoverer Default { get; } = new(Gazetteer.Default);

    /// <summary>The entities the article names, in order of first mention.</summary>
    public IReadOnlyList<DiscoveredEntity> Discover(DiscoveryInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fields = new[] { (ArticleField.Title, input.Title), (ArticleField.Summary, input.Summary ?? string.Empty), (ArticleField.Body, input.Body) }
            .Select(f => Read(f.Item1, f.Item2 ?? string.Empty))
            .ToList();

        var candidates = new DiscoveryCandidates();
        foreach (var field in fields)
        {
            Scan(field, candidates, ct);
        }

        new PublisherTags(reader, gazetteer).Apply(input.Tags ?? [], fields, candidates);
        candidates.MergeShortForms();
        candidates.DropLoneWordPeople();
        SurnameAliases.Add(fields, candidates, gazetteer);
        return MentionCounter.Finish(fields, candidates, MinConfidence);
    }

    private static DiscoveryField Read(ArticleField field, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return new DiscoveryField(field, text, DiscoveryWords.Read(text, tokens), tokens);
    }

    private void Scan(DiscoveryField field, DiscoveryCandidates candidates, CancellationToken ct)
    {
        var words = field.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if ((i & 255) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var word = words[i];
            if (gazetteer.Match(words, i) is { } place && (!place.NeedsCue || PlaceCues.Before(words, i, place.Words, gazetteer)))
            {
                candidates.Add(place.Entry.Name, place.Entry.Type, GazetteerConfidence);
                i += place.Words - 1;
                continue;
            }

            if (word.Forms.Any(DiscoveryCues.DefiniteHeads.Contains) && word.Forms.First(DiscoveryCues.DefiniteHeads.Contains) is var definiteHead
                && word.Normalized.EndsWith(definiteHead, StringComparison.Ordinal) && OrganizationNames.DefiniteEnd(words, i, gazetteer) is { } definiteEnd)
            {
                var written = field.Text.Substring(word.Token.Start, word.Token.Length);
                var rest = field.Join(i + 1, definiteEnd);
                candidates.Add(StripLetters(written, word.Normalized.Length - definiteHead.Length) + " " + rest, DiscoveredType.Organization, OrganizationConfidence);
                i = definiteEnd - 1;
                continue;
            }

            // A nisba used as an adjective names its country: "الرئيس الروسي", "زميله الجزائري". A definite nisba
            // cannot qualify a bare indefinite word: after one ("حمد السويدي") it is a family name.
            if (gazetteer.Nisba(word) is { } country && i > 0 && !word.BreakBefore && !IsFamilyNisba(words[i - 1], word))
            {
                candidates.Add(country.Name, DiscoveredType.Location, NisbaConfidence)?.NisbaMentions.Add(new DiscoveredMention(field.Field, word.Token.Start, word.Token.Length));
                continue;
            }

            if (word.FormIn(DiscoveryCues.OrganizationHeads) is { } head && !head.StartsWith("ال", StringComparison.Ordinal)
                && OrganizationNames.AfterHead(words, i + 1, DiscoveryCues.QuotedOnlyHeads.Contains(head)) is { } organization)
            {
                var name = field.Join(organization.Start, organization.End);
                var headWord = field.Text.Substring(word.Token.Start, word.Token.Length);
                var withHead = StripLetters(headWord, word.Normalized.Length - head.Length) + " " + name;
                if (organization.Quoted)
                {
                    candidates.Add(name, DiscoveredType.Organization, QuotedOrganizationConfidence, withHead);
                }
                else
                {
                    candidates.Add(withHead, DiscoveredType.Organization, OrganizationConfidence);
                }

                i = organization.End - 1;
                continue;
            }

            if (word.IsIn(DiscoveryCues.LocationHeads)
                && reader.LocationAfterHead(words, i + 1, word) is { } town)
            {
                candidates.Add(field.Join(town.Start, town.End), DiscoveredType.Location, LocationHeadConfidence);
                continue;
            }

            // A role word inside an organisation's name is not a role: "نادي النجمة الساحلي" (النجمة: "the star").
            if (RoleEnd(words, i) is { } roleEnd && !AfterOrganizationHead(words, i) && reader.PersonAfterRole(words, roleEnd) is { } person)
            {
                candidates.Add(field.Join(person.Start, person.End), DiscoveredType.Person, RoleConfidence);
            }
        }
    }

    private static bool AfterOrganizationHead(List<DiscoveryWord> words, int i) =>
        i > 0 && !words[i].BreakBefore && words[i - 1].IsIn(DiscoveryCues.OrganizationHeads) && !words[i - 1].IsDefinite;

    /// <summary>A definite nisba after a bare word without article or pronoun ("حمد السويدي"): a family name, not an adjective.</summary>
    private static bool IsFamilyNisba(DiscoveryWord previous, DiscoveryWord nisba) =>
        nisba.Normalized.StartsWith("ال", StringComparison.Ordinal) && !previous.IsDefinite && previous.Normalized.Length >= 2
        && !previous.Normalized.EndsWith('ه') && !previous.Normalized.EndsWith("ها", StringComparison.Ordinal) && !previous.Normalized.EndsWith("هم", StringComparison.Ordinal)
        && !FunctionWords.Contains(previous.Normalized) && !previous.IsIn(DiscoveryCues.OrganizationHeads) && !previous.IsIn(DiscoveryCues.PersonRoles)
        && !previous.IsIn(DiscoveryCues.LocationHeads);

    /// <summary>Where a role cue starting at <paramref name="i"/> ends (one or two words: "رجل الأعمال"), or null.</summary>
    private static int? RoleEnd(List<DiscoveryWord> words, int i)
    {
        if (i + 1 < words.Count && !words[i + 1].BreakBefore
            && words[i].Forms.Any(f => DiscoveryCues.PersonRoles.Contains(f + " " + words[i + 1].Normalized)))
        {
            return i + 2;
        }

        return words[i].IsIn(DiscoveryCues.PersonRoles) ? i + 1 : null;
    }

    /// <summary>The written word without its first <paramref name="letters"/> letters (clitics), marks skipped over.</summary>
    internal static string StripLetters(string written, int letters)
    {
        var i = 0;
        for (var seen = 0; i < written.Length && seen < letters; i++)
        {
            if (char.IsLetter(written[i]))
            {
                seen++;
            }
        }

        while (i < written.Length && !char.IsLetter(written[i]))
        {
            i++;
        }

        return written[i..];
    }
}

/// <summary>One field of the article, read into words; its tokens are kept for counting mentions without tokenizing it again.</summary>
internal sealed record DiscoveryField(ArticleField Field, string Text, List<DiscoveryWord> Words, List<Token> Tokens)
{
    /// <summary>The written words [start, end) joined by single spaces, the first without the clitics its cue did not need.</summary>
    public string Join(int start, int end) =>
        string.Join(' ', Words.Skip(start).Take(end - start).Select(w => Text.Substring(w.Token.Start, w.Token.Length)));
}
