using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace NewsMeta.Api.GraphQL.DocumentCache;

/// <summary>
/// Parsed GraphQL documents that passed validation, by query text and operation name: a repeated query
/// is neither parsed nor run through the standard rules again (<see cref="CachedDocumentRules"/>). Only
/// documents are kept, never answers. Entries live in the shared memory cache, sized by their text's
/// length, so a flood of distinct queries evicts them instead of growing the process.
/// </summary>
public sealed class ValidatedDocumentCache(IMemoryCache cache)
{
    /// <summary>Set in the operation's user context when its document came from this cache.</summary>
    public const string HitKey = "newsmeta.documentFromCache";

    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(30);

    private long _hits;

    /// <summary>How many operations were served a cached document (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public GraphQLDocument? Find(string query, string? operationName)
    {
        if (!cache.TryGetValue(new Key(query, operationName ?? string.Empty), out GraphQLDocument? document) || document is null)
        {
            return null;
        }

        Interlocked.Increment(ref _hits);
        return document;
    }

    /// <summary>Keeps a document that was validated for this operation name (the operation limits measure the selected operation).</summary>
    public void Add(string query, string? operationName, GraphQLDocument document) =>
        cache.Set(new Key(query, operationName ?? string.Empty), document, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = Sliding });

    private sealed record Key(string Query, string OperationName);
}
