namespace NewsMeta.Text.Discovery;

/// <summary>The kinds of name discovery finds; events are left to the catalogue.</summary>
public enum DiscoveredType
{
    Person,
    Organization,
    Location,
}

/// <summary>The part of an article a mention is in.</summary>
public enum ArticleField
{
    Title,
    Summary,
    Body,
}

/// <summary>What discovery reads of one article: its text, and the publisher's tags (which may name people or organisations).</summary>
public sealed record DiscoveryInput(string Title, string? Summary, string Body, IReadOnlyList<string>? Tags = null);

/// <summary>Where a discovered entity is named: a field and the span of its original text (clitics included, as <see cref="EntityMention"/>).</summary>
public readonly record struct DiscoveredMention(ArticleField Field, int Start, int Length);

/// <summary>
/// A person, organisation or place an article names, found without the catalogue.
/// </summary>
/// <param name="Name">The fullest form the text gives, as written, without clitics or title ("سامر الخطيب", "وزارة النقل").</param>
/// <param name="Type">Person, organisation or location.</param>
/// <param name="Confidence">0..1: how sure the cues make discovery; more cues, mentions and a publisher tag raise it.</param>
/// <param name="Aliases">Other forms the same text uses for it: the surname alone, the quoted name without its head word.</param>
/// <param name="Mentions">Every place the text names it (by name or alias, or for a place by its nisba adjective).</param>
public sealed record DiscoveredEntity(string Name, DiscoveredType Type, double Confidence, IReadOnlyList<string> Aliases, IReadOnlyList<DiscoveredMention> Mentions)
{
    /// <summary>The contract's name of the type: "person", "organization" or "location".</summary>
    public string TypeName => Type switch
    {
        DiscoveredType.Person => "person",
        DiscoveredType.Organization => "organization",
        _ => "location",
    };
}
