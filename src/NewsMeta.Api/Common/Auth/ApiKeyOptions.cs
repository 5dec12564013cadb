using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.Auth;

/// <summary>The <c>Auth</c> configuration section: API keys and whether reads need one.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";
    public const string HeaderName = "X-Api-Key";

    /// <summary>When true, GET endpoints also need a key with the read scope.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Keys from configuration (the Development keys); partners' keys live in the database (<c>-- keys create</c>).</summary>
    public List<ConfiguredApiKey> ApiKeys { get; set; } = [];

    /// <summary>How long an instance trusts a database key lookup (found or not); a revocation takes this long at most. 0 = always ask.</summary>
    [Range(0, 3600)]
    public int KeyCacheSeconds { get; set; } = 30;
}

/// <summary>One key from configuration (Development only ships the documented dev keys).</summary>
public sealed class ConfiguredApiKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
}

/// <summary>Scope names and the authorization policies that require them.</summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";
    public const string ClaimType = "scope";

    public const string ReadPolicy = "read";
    public const string WritePolicy = "write";
}
