using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.Auth;

/// <summary>The <c>Auth</c> configuration section: API keys and whether reads need one.</summary>
public sealed class ApiKeyOptions : IValidatableObject
{
    public const string Section = "Auth";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Key names (configured and stored alike) are 1 to this many characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>When true, GET endpoints also need a key with the read scope.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Keys from configuration (the Development keys); partners' keys live in the database (<c>-- keys create</c>).</summary>
    public List<ConfiguredApiKey> ApiKeys { get; set; } = [];

    /// <summary>How long an instance trusts a database key lookup (found or not); a revocation takes this long at most. 0 = always ask.</summary>
    [Range(0, 3600)]
    public int KeyCacheSeconds { get; set; } = 30;

    /// <summary>Configured names are unique and as long as stored ones: a key's name says which key it is.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var name = ApiKeys[i].Name;
            if (name.Length is 0 or > MaxNameLength)
            {
                yield return new ValidationResult($"ApiKeys:{i}:Name must be 1 to {MaxNameLength} characters.");
            }
            else if (!seen.Add(name))
            {
                yield return new ValidationResult($"ApiKeys:{i}:Name '{name}' is also the name of an earlier configured key; names are unique.");
            }
        }
    }
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
