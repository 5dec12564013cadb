namespace NewsMeta.Text;

/// <summary>
/// A mention of a known entity: its id and the span of the original text that names it, from the
/// start of the first word (clitics included, so a highlight shows "وبوتين") to the end of the last.
/// <see cref="Alias"/> is the catalogue's alias the text used, or null when it used the entity's name.
/// </summary>
public readonly record struct EntityMention(int EntityId, int Start, int Length, string? Alias = null);

/// <summary>How often a text names an entity, and the alias it mostly uses (null: mostly its name).</summary>
public readonly record struct EntityTally(int Mentions, string? MatchedAlias);

/// <summary>
/// Finds mentions of catalogue entities (people, organisations, places, events) in article text, for
/// entity linking at ingest. The catalogue can hold tens of thousands of names and aliases, so the
/// spellings are stored in a trie over normalised words: matching costs one dictionary lookup per
/// word and per step of the longest spelling, never a loop over entities.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Words are compared on <see cref="Token.Normalized"/>, so tashkeel, tatweel, hamza/alef forms,
/// Latin case and accents do not prevent a match.</item>
/// <item>Arabic writes some particles joined to the next word. The first word of a mention may carry
/// up to two of و ف, then one of ب ك ل, or ل + the article written "لل" (للصين = ل + الصين). Each
/// strip must leave at least 2 letters. Only prefixes are stripped, never suffixes, and the stemmer is
/// not used: "الحدادين" is another word than "الحداد".</item>
/// <item>Leftmost-longest and non-overlapping: at each word the longest spelling wins, and matching
/// resumes after its last word, so "يوسف الحداد" is one mention, not also a mention of "يوسف".</item>
/// <item>Immutable once built: <see cref="Match"/> can be called from many threads at once.</item>
/// </list>
/// </remarks>
public sealed class EntityMatcher
{
    /// <summary>A clitic is stripped only if at least this many letters remain, so short words stay whole.</summary>
    internal const int MinStrippedLength = 2;

    /// <summary>At most two conjunctions (و ف) are stripped from a first word; a bound keeps the work per word constant.</summary>
    private const int MaxConjunctions = 2;

    private const string ParticleArticle = "لل";

    private readonly Dictionary<string, EntityTrieNode>.AlternateLookup<ReadOnlySpan<char>> firstWords;
    private readonly Dictionary<string, EntityTrieNode>.AlternateLookup<ReadOnlySpan<char>> firstWordsAfterArticle;

    internal EntityMatcher(Dictionary<string, EntityTrieNode> firstWords, Dictionary<string, EntityTrieNode> firstWordsAfterArticle, int spellingCount)
    {
        // Span lookups let clitic-stripped variants of a word be tried without allocating substrings.
        this.firstWords = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        this.firstWordsAfterArticle = firstWordsAfterArticle.GetAlternateLookup<ReadOnlySpan<char>>();
        SpellingCount = spellingCount;
    }

    /// <summary>The number of distinct normalised word sequences stored (after dropping ignored spellings).</summary>
    public int SpellingCount { get; }

    /// <summary>
    /// Builds the matcher from each entity's name and aliases. Duplicate spellings are merged; when two
    /// entities share a spelling the lower id keeps it, so the result is deterministic.
    /// </summary>
    public static EntityMatcher Build(IEnumerable<(int EntityId, string Spelling)> spellings) =>
        Build(spellings, []);

    /// <summary>Builds the matcher from names and aliases kept apart, so each mention says whether the text used an alias.</summary>
    public static EntityMatcher Build(IEnumerable<(int EntityId, string Spelling)> names, IEnumerable<(int EntityId, string Spelling)> aliases)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(aliases);
        var builder = new EntityMatcherBuilder();
        foreach (var (entityId, spelling) in names)
        {
            builder.Add(entityId, spelling);
        }

        foreach (var (entityId, spelling) in aliases)
        {
            builder.Add(entityId, spelling, isAlias: true);
        }

        return builder.ToMatcher();
    }

    /// <summary>All mentions in the text, left to right, non-overlapping, the longest spelling winning at each word.</summary>
    public List<EntityMention> Match(string? text) => MatchTokens(Tokenizer.Tokenize(text));

    /// <summary><see cref="Match(string?)"/> over a text already tokenized (<see cref="Tokenizer.Tokenize"/>).</summary>
    public List<EntityMention> MatchTokens(List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var mentions = new List<EntityMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            var found = LongestAt(tokens, i);
            if (found.TokenCount == 0)
            {
                i++;
                continue;
            }

            var last = tokens[i + found.TokenCount - 1];
            mentions.Add(new EntityMention(found.EntityId, tokens[i].Start, last.Start + last.Length - tokens[i].Start, found.Alias));
            i += found.TokenCount;
        }

        return mentions;
    }

    /// <summary>How many times each entity is mentioned in the text (entities not mentioned are absent).</summary>
    public Dictionary<int, int> Count(string? text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var mention in Match(text))
        {
            counts[mention.EntityId] = counts.GetValueOrDefault(mention.EntityId) + 1;
        }

        return counts;
    }

    /// <summary>
    /// Each mentioned entity's mention count and the spelling the text uses most for it: an alias, or
    /// null when the name is used at least as often as any alias (on a tie between aliases, the first seen).
    /// </summary>
    public Dictionary<int, EntityTally> Tally(string? text)
    {
        var spellings = new Dictionary<int, List<(string? Alias, int Count)>>();
        foreach (var mention in Match(text))
        {
            var seen = spellings.TryGetValue(mention.EntityId, out var list) ? list : spellings[mention.EntityId] = [];
            var index = seen.FindIndex(s => s.Alias == mention.Alias);
            if (index < 0)
            {
                seen.Add((mention.Alias, 1));
            }
            else
            {
                seen[index] = (mention.Alias, seen[index].Count + 1);
            }
        }

        return spellings.ToDictionary(e => e.Key, e =>
        {
            var name = e.Value.Find(s => s.Alias is null).Count;
            var alias = e.Value.Where(s => s.Alias is not null).OrderByDescending(s => s.Count).FirstOrDefault();
            return new EntityTally(e.Value.Sum(s => s.Count), alias.Count > name ? alias.Alias : null);
        });
    }

    /// <summary>
    /// The longest spelling starting at <paramref name="first"/>, trying the first word as written and
    /// then without its clitics. On equal length the form with fewer letters stripped wins.
    /// </summary>
    private Candidate LongestAt(List<Token> tokens, int first)
    {
        var best = default(Candidate);
        var word = tokens[first].Normalized.AsSpan();
        for (var conjunctions = 0; conjunctions <= MaxConjunctions; conjunctions++)
        {
            if (conjunctions > 0)
            {
                if (!CanStrip(word, 1) || word[0] is not ('و' or 'ف'))
                {
                    break;
                }

                word = word[1..];
            }

            Consider(firstWords, word, tokens, first, ref best);
            if (CanStrip(word, 1) && word[0] is 'ب' or 'ك' or 'ل')
            {
                Consider(firstWords, word[1..], tokens, first, ref best);
            }

            if (CanStrip(word, ParticleArticle.Length) && word.StartsWith(ParticleArticle, StringComparison.Ordinal))
            {
                Consider(firstWordsAfterArticle, word[ParticleArticle.Length..], tokens, first, ref best);
            }
        }

        return best;
    }

    private static bool CanStrip(ReadOnlySpan<char> word, int letters) => word.Length - letters >= MinStrippedLength;

    private static void Consider(
        Dictionary<string, EntityTrieNode>.AlternateLookup<ReadOnlySpan<char>> lookup,
        ReadOnlySpan<char> firstWord,
        List<Token> tokens,
        int first,
        ref Candidate best)
    {
        if (lookup.TryGetValue(firstWord, out var node))
        {
            var candidate = Walk(node, tokens, first);
            if (candidate.TokenCount > best.TokenCount)
            {
                best = candidate;
            }
        }
    }

    /// <summary>Follows the trie from the first word's node over the next words exactly, remembering the last spelling end.</summary>
    private static Candidate Walk(EntityTrieNode node, List<Token> tokens, int first)
    {
        var best = node.IsTerminal ? new Candidate(1, node.EntityId, node.Alias) : default;
        for (var i = first + 1; i < tokens.Count && node.TryGetChild(tokens[i].Normalized, out var next); i++)
        {
            node = next;
            if (node.IsTerminal)
            {
                best = new Candidate(i - first + 1, node.EntityId, node.Alias);
            }
        }

        return best;
    }

    /// <summary>A spelling found at a word: how many words it covers (0 = none), its entity, and the alias when it is one.</summary>
    private readonly record struct Candidate(int TokenCount, int EntityId, string? Alias);
}
