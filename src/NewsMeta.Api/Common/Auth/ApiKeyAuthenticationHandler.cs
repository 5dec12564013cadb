using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.RateLimiting;

namespace NewsMeta.Api.Common.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the configured keys (compared by SHA-256 hash in
/// constant time), then the database keys (<see cref="ApiKeyStore"/>, looked up by hash; a lookup that is not
/// cached is charged to the client address's rate budget first). The plain key is never kept or logged. 401, 403
/// and 429 are problem responses.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>HttpContext item set when the address's budget refused a key lookup: the challenge is then a 429.</summary>
    private const string KeyLookupRefused = "newsmeta.key-lookup-refused";

    /// <summary>Longer headers are not keys (ours are 46 characters); refused before hashing anything.</summary>
    private const int MaxKeyLength = 200;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The instance's own warm-up reads as a read-only principal, so that with Auth:RequireKeyForReads it runs
        // the read paths and not the 401 path. Only code in this process can set the feature.
        if (WarmUp.WarmUpRequest.IsWarmUp(Context))
        {
            return Success(KeyIds.WarmUp, "warm-up", [Scopes.Read]);
        }

        if (!Request.Headers.TryGetValue(ApiKeyOptions.HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count > 1 || values[0]!.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        foreach (var key in keys.CurrentValue.ApiKeys)
        {
            if (key.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))))
            {
                return Success(KeyIds.Configured(key.Name), key.Name, key.Scopes);
            }
        }

        var store = Context.RequestServices.GetRequiredService<ApiKeyStore>();
        var hash = Convert.ToHexStringLower(presented);
        if (!store.TryGetCached(hash, out var stored))
        {
            // A key this instance has not seen costs the sending address a token before the database is asked.
            if (await Context.RequestServices.GetRequiredService<RequestBudget>().ChargeKeyLookupAsync(Context) is { Allowed: false })
            {
                Context.Items[KeyLookupRefused] = true;
                return AuthenticateResult.Fail("Too many unknown API keys from this address.");
            }

            stored = await store.FindAsync(hash, Context.RequestAborted);
        }

        return stored is null ? AuthenticateResult.Fail("Unknown API key.") : Success(stored.Id, stored.Name, stored.Scopes);
    }

    /// <summary>The name is for logs and messages; what the key owns and spends goes by <paramref name="id"/>.</summary>
    private static AuthenticateResult Success(string id, string name, IEnumerable<string> scopes)
    {
        var claims = scopes.Select(s => new Claim(Scopes.ClaimType, s)).Append(new Claim(ClaimTypes.Name, name)).Append(new Claim(KeyIds.ClaimType, id));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.Items.ContainsKey(KeyLookupRefused)
            ? WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This address sent more unknown API keys than its budget allows. Retry after {Response.Headers.RetryAfter} s.")
            : WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
                Request.Headers.ContainsKey(ApiKeyOptions.HeaderName)
                    ? "The API key in X-Api-Key is not valid."
                    : "This operation needs an API key in the X-Api-Key header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The API key does not have the scope this operation needs.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeyOptions.HeaderName}\"";
        }

        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
