using System.Security.Cryptography;
using System.Text;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>X-NewsMeta-Signature: "sha256=" + lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the subscription's secret.</summary>
public static class WebhookSigner
{
    public const string Header = "X-NewsMeta-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
