using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// Opaque Relay global ids: base64url of "{Type}:{databaseId}". Clients must not parse them; they
/// exist so that <c>node(id:)</c> can find any object from its id alone.
/// </summary>
public static class GlobalId
{
    public const string Article = "Article";
    public const string Entity = "Entity";
    public const string Keyword = "Keyword";
    public const string Source = "Source";
    public const string Section = "Section";

    public static string Encode(string type, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{type}:{id}")));

    /// <summary>Decodes any global id; false for anything that is not one.</summary>
    public static bool TryDecode(string? value, out string type, out int id)
    {
        type = "";
        id = 0;
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
        {
            return false;
        }

        type = text[..colon];
        return true;
    }

    /// <summary>Decodes an id that must be of <paramref name="expectedType"/>.</summary>
    public static bool TryDecode(string? value, string expectedType, out int id) =>
        TryDecode(value, out var type, out id) && type == expectedType;
}
