using BenchmarkDotNet.Attributes;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Benchmarks;

/// <summary>Opaque keyset cursors as the article list hands them out: (publishedAt ticks, id).</summary>
[MemoryDiagnoser]
public class CursorBenchmarks
{
    private readonly string scope = "ga-";
    private readonly long key = new DateTime(2026, 3, 10, 8, 15, 0, DateTimeKind.Utc).Ticks;
    private readonly int id = 123_456;
    private readonly string encoded;

    public CursorBenchmarks()
    {
        encoded = Cursor.Encode(scope, key, id);
        if (!Cursor.TryDecode(encoded, scope, out var decodedKey, out var decodedId) || decodedKey != key || decodedId != id)
        {
            throw new InvalidOperationException("Cursor round trip failed: the benchmark would measure the failure path.");
        }
    }

    [Benchmark]
    public string Encode() => Cursor.Encode(scope, key, id);

    [Benchmark]
    public long TryDecode() => Cursor.TryDecode(encoded, scope, out var decodedKey, out var decodedId) ? decodedKey + decodedId : -1;

    [Benchmark]
    public long RoundTrip()
    {
        var cursor = Cursor.Encode(scope, key, id);
        return Cursor.TryDecode(cursor, scope, out var decodedKey, out var decodedId) ? decodedKey + decodedId : -1;
    }
}
