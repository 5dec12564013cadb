namespace NewsMeta.Api.Common.Http;

/// <summary>Reads a request body as bytes up to a limit, growing with the body (a small page does not cost the limit).</summary>
public static class BoundedBytes
{
    /// <summary>The body, or null when it has more than <paramref name="maxBytes"/> bytes (a 413 for the caller).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var body = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }
}
