using System.Globalization;
using System.Security.Claims;

namespace NewsMeta.Api.Common.Auth;

/// <summary>
/// A key's stable id, what everything a key owns or spends is keyed by (webhook subscriptions, rate buckets,
/// the response cache's caller), never its name alone: a stored key is <c>key:</c> and its row id (never reused,
/// kept after revocation), a configured key <c>cfg:</c> and its name (configuration is its only record). The two
/// never collide, so a stored key can never inherit what a configured key of the same name owns.
/// </summary>
public static class KeyIds
{
    /// <summary>The claim the authentication handler puts the id in.</summary>
    public const string ClaimType = "key_id";

    private const string StoredPrefix = "key:";
    private const string ConfiguredPrefix = "cfg:";

    /// <summary>Longest id: the prefix and a name of at most <see cref="ApiKeyOptions.MaxNameLength"/> characters.</summary>
    public const int MaxLength = 4 + ApiKeyOptions.MaxNameLength;

    /// <summary>The instance's own start-up warm-up (<see cref="WarmUp.WarmUpRequest"/>), which reads and owns nothing.</summary>
    public const string WarmUp = "internal:warm-up";

    public static string Stored(int rowId) => StoredPrefix + rowId.ToString(CultureInfo.InvariantCulture);

    public static string Configured(string name) => ConfiguredPrefix + name;

    public static bool TryGetStoredRowId(string keyId, out int rowId)
    {
        rowId = 0;
        return keyId.StartsWith(StoredPrefix, StringComparison.Ordinal)
            && int.TryParse(keyId.AsSpan(StoredPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out rowId);
    }

    public static bool TryGetConfiguredName(string keyId, out string name)
    {
        name = keyId.StartsWith(ConfiguredPrefix, StringComparison.Ordinal) ? keyId[ConfiguredPrefix.Length..] : "";
        return name.Length > 0;
    }

    /// <summary>The authenticated caller's key id, or null for an anonymous caller.</summary>
    public static string? Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimType) : null;
}
