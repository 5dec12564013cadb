using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using NewsMeta.Api.Common.Json;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// A 200 JSON response with a strong ETag computed from the bytes sent, or a 304 when the client's
/// If-None-Match already names it. Hashing the representation keeps ETags correct whatever changed
/// (the article, or a source or entity it shows) and equal across instances.
/// </summary>
public sealed class ETaggedJson<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>
{
    private readonly byte[] _body;
    private readonly string _contentType;

    public ETaggedJson(T value)
        : this(value, JsonSerializer.SerializeToUtf8Bytes(value, NewsJson.Options), "application/json")
    {
    }

    private ETaggedJson(T? value, byte[] body, string contentType, string? etag = null)
    {
        Value = value;
        _body = body;
        _contentType = contentType;
        ETag = etag ?? ETags.ForBytes(_body);
    }

    /// <summary>JSON stored ready to send with its ETag (the read model): sent as it is, never parsed; <see cref="Value"/> is null.</summary>
    public static ETaggedJson<T> Stored(byte[] body, string etag) => new(default, body, "application/json", etag);

    /// <summary>The value sent in another representation of it (JSON-LD, ninjs); the ETag is that representation's.</summary>
    public static ETaggedJson<T> As(T value, System.Text.Json.Nodes.JsonNode body, string contentType) =>
        new(value, JsonSerializer.SerializeToUtf8Bytes(body, NewsJson.Options), contentType);

    public T? Value { get; }

    public string ETag { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = "no-cache";
        // The same URL has other representations (Accept): caches must key on it.
        response.Headers.Vary = "Accept";
        if (ETags.Matches(httpContext.Request.Headers.IfNoneMatch, ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{_contentType}; charset=utf-8";
        response.ContentLength = _body.Length;
        return response.Body.WriteAsync(_body).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}

/// <summary>Strong ETags from content, and If-None-Match / If-Match comparison.</summary>
public static class ETags
{
    public static string ForBytes(ReadOnlySpan<byte> body) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";

    public static string For<T>(T value) => ForBytes(JsonSerializer.SerializeToUtf8Bytes(value, NewsJson.Options));

    /// <summary>
    /// If-None-Match's weak comparison (RFC 9110 8.8.3.2): true when the header lists the tag or "*"; weak
    /// validators (W/) compare by their opaque part.
    /// </summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag)
    {
        if (header.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));
    }

    /// <summary>
    /// If-Match's strong comparison (RFC 9110 13.1.1): true when the header lists the tag, not weak, or "*".
    /// A weak tag only says two representations are equivalent, not identical, so it never licenses a write.
    /// </summary>
    public static bool MatchesStrongly(Microsoft.Extensions.Primitives.StringValues header, string etag) =>
        header.Count > 0
        && EntityTagHeaderValue.TryParseList(header, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Equals(etag, StringComparison.Ordinal)));
}
