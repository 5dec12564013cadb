using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Signs a delivery two ways. X-NewsMeta-Signature (kept for existing receivers): "sha256=" + lowercase hex
/// HMAC-SHA256 of the body, keyed with the secret's UTF-8 bytes. Standard Webhooks (webhook-id, webhook-timestamp,
/// webhook-signature: "v1," + base64 HMAC-SHA256 of "id.timestamp.body"): the id and time are signed too, so a
/// receiver that checks the time window and drops repeated ids cannot be replayed with an old delivery.
/// </summary>
public static class WebhookSigner
{
    public const string Header = "X-NewsMeta-Signature";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The prefix of a base64-encoded key, as the Standard Webhooks libraries write and read it.</summary>
    public const string KeyPrefix = "whsec_";

    /// <summary>Bytes of a generated key: 32 (256 bits, the HMAC-SHA256 block's natural size).</summary>
    public const int GeneratedKeyBytes = 32;

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>webhook-signature for <paramref name="id"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string SignStandard(string secret, string id, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), signed));
    }

    /// <summary>A new "whsec_" + base64 secret of <see cref="GeneratedKeyBytes"/> random bytes.</summary>
    public static string GenerateSecret() => KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    /// <summary>
    /// The HMAC key of a secret: after "whsec_" it is base64 (how the libraries decode such a secret); any other
    /// secret is used as its UTF-8 bytes (a receiver passes those bytes as a raw key). Subscriptions are
    /// validated with <see cref="TryDecodePrefixed"/>, so a stored prefixed secret always decodes.
    /// </summary>
    public static byte[] Key(string secret) =>
        TryDecodePrefixed(secret, out var key) ? key : Encoding.UTF8.GetBytes(secret);

    /// <summary>True with the decoded key when <paramref name="secret"/> is "whsec_" + valid base64.</summary>
    public static bool TryDecodePrefixed(string secret, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (!secret.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = secret[KeyPrefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
