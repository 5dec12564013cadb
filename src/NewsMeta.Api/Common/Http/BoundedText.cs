using System.Text;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// Reads a request body as UTF-8 text up to a limit, growing with the body instead of allocating the
/// limit up front (a small GraphQL query must not cost a megabyte buffer).
/// </summary>
public static class BoundedText
{
    /// <summary>The body, or null when it has more than <paramref name="maxChars"/> characters (a 413 for the caller).</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxChars, CancellationToken ct)
    {
        if (request.ContentLength > maxChars * 4L)
        {
            return null; // even all-ASCII it could not fit; UTF-8 needs at most 4 bytes a character
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var text = new StringBuilder();
        var chunk = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(chunk, ct)) > 0)
        {
            if (text.Length + read > maxChars)
            {
                return null;
            }

            text.Append(chunk, 0, read);
        }

        return text.ToString();
    }
}
