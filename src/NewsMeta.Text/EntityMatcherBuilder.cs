using System.Diagnostics.CodeAnalysis;

namespace NewsMeta.Text;

/// <summary>
/// One node of the token trie behind <see cref="EntityMatcher"/>: an edge per normalised word, so a
/// spelling of n words is n steps from the root whatever the catalogue size.
/// </summary>
/// <remarks>
/// Mutated only while <see cref="EntityMatcherBuilder"/> runs; afterwards it is read-only, which is
/// what makes concurrent <see cref="EntityMatcher.Match"/> calls safe without locks.
/// </remarks>
internal sealed class EntityTrieNode
{
    private Dictionary<string, EntityTrieNode>? children; // null on leaves: most nodes are leaves

    /// <summary>True when a spelling ends here.</summary>
    public bool IsTerminal { get; private set; }

    /// <summary>The entity of the spelling that ends here (meaningful only when <see cref="IsTerminal"/>).</summary>
    public int EntityId { get; private set; }

    /// <summary>The alias as the catalogue writes it, when the spelling ending here is an alias of <see cref="EntityId"/> rather than its name.</summary>
    public string? Alias { get; private set; }

    public bool TryGetChild(string word, [NotNullWhen(true)] out EntityTrieNode? child)
    {
        child = null;
        return children is not null && children.TryGetValue(word, out child);
    }

    internal EntityTrieNode GetOrAddChild(string word)
    {
        children ??= new Dictionary<string, EntityTrieNode>(StringComparer.Ordinal);
        return GetOrAdd(children, word);
    }

    /// <summary>
    /// Marks the end of a spelling. When two entities share a spelling the lower id wins, so the
    /// result does not depend on the order the catalogue was read in.
    /// </summary>
    /// <remarks>For one entity a name wins over an alias that normalises alike, so such an alias is never reported.</remarks>
    /// <returns>True when this is a new spelling (the node was not terminal yet).</returns>
    internal bool Assign(int entityId, string? alias)
    {
        if (!IsTerminal)
        {
            IsTerminal = true;
            EntityId = entityId;
            Alias = alias;
            return true;
        }

        if (entityId < EntityId || (entityId == EntityId && alias is null))
        {
            EntityId = entityId;
            Alias = alias;
        }

        return false;
    }

    internal static EntityTrieNode GetOrAdd(Dictionary<string, EntityTrieNode> nodes, string word)
    {
        if (!nodes.TryGetValue(word, out var node))
        {
            node = new EntityTrieNode();
            nodes.Add(word, node);
        }

        return node;
    }
}

/// <summary>
/// Builds the token trie of an <see cref="EntityMatcher"/> in one pass over the spellings, so building
/// is linear in the total number of spelling tokens.
/// </summary>
internal sealed class EntityMatcherBuilder
{
    /// <summary>The Arabic definite article, as normalised text writes it.</summary>
    internal const string Article = "ال";

    private readonly Dictionary<string, EntityTrieNode> firstWords = new(StringComparer.Ordinal);
    private int spellingCount;

    /// <summary>
    /// Adds one spelling, normalised with the same <see cref="Tokenizer"/> the text goes through so
    /// both sides compare on identical tokens. Empty spellings, and single words that are stop words
    /// or a single letter, are ignored: they would match in nearly every article.
    /// </summary>
    /// <param name="entityId">The entity the spelling names.</param>
    /// <param name="spelling">The name or alias as the catalogue writes it.</param>
    /// <param name="isAlias">True for an alias, so mentions can say which variant the text used.</param>
    public void Add(int entityId, string? spelling, bool isAlias = false)
    {
        var tokens = Tokenizer.Tokenize(spelling);
        if (tokens.Count == 0 || (tokens.Count == 1 && IsTooCommon(tokens[0].Normalized)))
        {
            return;
        }

        var node = EntityTrieNode.GetOrAdd(firstWords, tokens[0].Normalized);
        for (var i = 1; i < tokens.Count; i++)
        {
            node = node.GetOrAddChild(tokens[i].Normalized);
        }

        if (node.Assign(entityId, isAlias ? spelling : null))
        {
            spellingCount++;
        }
    }

    /// <summary>
    /// Freezes the trie into a matcher. First words that start with the article are also indexed
    /// without it, so a text word "للصين" (ل + الصين, whose alef is dropped in writing) can be looked
    /// up as "صين" without building a new string.
    /// </summary>
    public EntityMatcher ToMatcher()
    {
        var afterArticle = new Dictionary<string, EntityTrieNode>(StringComparer.Ordinal);
        foreach (var (word, node) in firstWords)
        {
            if (word.Length - Article.Length >= EntityMatcher.MinStrippedLength && word.StartsWith(Article, StringComparison.Ordinal))
            {
                afterArticle.Add(word[Article.Length..], node);
            }
        }

        return new EntityMatcher(firstWords, afterArticle, spellingCount);
    }

    private static bool IsTooCommon(string word) => word.Length < 2 || StopWords.Contains(word);
}
