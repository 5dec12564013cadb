using System.Security.Cryptography;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// Endpoint metadata for POST /graphql: a POSTed query is as cacheable as the same query over GET (the
/// answer depends only on the body, the key's scopes and the data generation), and most GraphQL clients
/// only POST. The body is screened before anything runs, conservatively: one JSON object of at most
/// <see cref="MaxBodyBytes"/> bytes, in which the words <c>mutation</c> and <c>subscription</c> do not
/// appear anywhere (so no write can ever be answered from the cache; a query merely mentioning the word
/// is not cached, which costs nothing but speed). The endpoint still refuses to store answers carrying
/// errors, of operations that turn out not to be queries, or reading webhooks.
/// </summary>
public sealed class CacheablePostQueries
{
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The SHA-256 of the body when it may be looked up and stored, else null; the body is left readable.</summary>
    public async Task<string?> BodyKeyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes or 0 || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        // Chunked bodies (no Content-Length) are read too, up to one byte past the limit; a declared length
        // sizes the buffer (a typical query is a few hundred bytes, and this runs on every POST).
        request.EnableBuffering(MaxBodyBytes);
        var body = new byte[(int)(request.ContentLength ?? MaxBodyBytes) + 1];
        var read = 0;
        while (read < body.Length && await request.Body.ReadAsync(body.AsMemory(read), ct) is var n and > 0)
        {
            read += n;
        }

        request.Body.Position = 0;
        return read < body.Length && Accepts(body.AsSpan(0, read)) ? Convert.ToHexStringLower(SHA256.HashData(body.AsSpan(0, read))) : null;
    }

    /// <summary>One JSON object (not a batch) that nowhere says mutation or subscription.</summary>
    public static bool Accepts(ReadOnlySpan<byte> body)
    {
        var start = body.TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'{'
            && body.IndexOf("mutation"u8) < 0 && body.IndexOf("subscription"u8) < 0;
    }
}
