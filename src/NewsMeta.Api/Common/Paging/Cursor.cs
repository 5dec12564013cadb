using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsMeta.Api.Common.Paging;

/// <summary>
/// Opaque keyset cursors: "{scope}|{key}|{id}" in base64url. The scope stops a cursor of one list (or
/// sort order) from being replayed on another; a malformed cursor is reported, never thrown as a 500.
/// </summary>
public static class Cursor
{
    public static string Encode(string scope, long key, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{scope}|{key}|{id}")));

    public static bool TryDecode(string? cursor, string scope, out long key, out int id)
    {
        key = 0;
        id = 0;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        return parts.Length == 3 && parts[0] == scope
            && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
