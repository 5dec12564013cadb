using System.Security.Cryptography;
using System.Text;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// Keeps cached answers apart per caller without the API key reaching the cache: entries vary by a hash of the
/// authenticated key's id (<see cref="KeyIds"/>, not its name) and scopes, never by the X-Api-Key header. A cache store may write vary values
/// into its key names (Redis does), where a raw key would be readable by anyone with access to the cache.
/// Authentication runs before the cache, so an unknown or revoked key is refused before any lookup.
/// </summary>
internal static class CallerVary
{
    public static ValueTask<KeyValuePair<string, string>> ValueAsync(HttpContext context, CancellationToken ct)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return ValueTask.FromResult(new KeyValuePair<string, string>("caller", "anonymous"));
        }

        var scopes = user.FindAll(Scopes.ClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        var identity = $"{KeyIds.Of(user)}\n{string.Join(' ', scopes)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return ValueTask.FromResult(new KeyValuePair<string, string>("caller", Convert.ToBase64String(hash, 0, 16)));
    }
}
