using GraphQL.DataLoader;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// A per-request batching loader (GraphQL.DataLoader is not available here, but the executor still
/// honours <see cref="IDataLoaderResult{T}"/>). While one level of the query executes, every
/// <see cref="Load"/> call only records its key; the first result asked for then fetches all
/// recorded keys in one call, so N parents cost one query instead of N. Results are cached for
/// the rest of the request. Not thread-safe: the schema runs queries with the serial strategy.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _pending = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key))
        {
            _pending.Add(key);
        }

        return new Pending(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken ct)
    {
        if (_pending.Count > 0 && !_loaded.ContainsKey(key))
        {
            var keys = _pending.ToList();
            _pending.Clear();
            var found = await fetch(keys, ct);
            foreach (var k in keys)
            {
                _loaded[k] = found.TryGetValue(k, out var value) ? value : missing;
            }
        }

        return _loaded.TryGetValue(key, out var result) ? result : missing;
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>Maps a loader result without fetching early (e.g. filter a loaded list by an argument).</summary>
public static class DataLoaderResultExtensions
{
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) => new Mapped<TIn, TOut>(result, map);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
