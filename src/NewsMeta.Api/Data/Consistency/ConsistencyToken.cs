using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMeta.Api.Data.Consistency;

/// <summary>
/// What a write's <c>X-NewsMeta-Consistency</c> header says about the data it left behind: the primary's
/// WAL position after its commit (PostgreSQL; none on SQLite, which has no replica) and the response-cache
/// data generation the database held then. Opaque to clients; written as <c>v1.&lt;lsn hex or -&gt;.&lt;generation&gt;</c>.
/// </summary>
public sealed partial record ConsistencyToken(ulong? Lsn, string Generation)
{
    public const string Header = "X-NewsMeta-Consistency";

    public override string ToString() =>
        $"v1.{(Lsn is { } lsn ? lsn.ToString("x", CultureInfo.InvariantCulture) : "-")}.{Generation}";

    /// <summary>Reads one token as <see cref="ToString"/> writes it; anything else is refused.</summary>
    public static bool TryParse(string? text, out ConsistencyToken? token)
    {
        token = null;
        if (text is null || Format().Match(text.Trim()) is not { Success: true } match)
        {
            return false;
        }

        ulong? lsn = null;
        if (match.Groups["lsn"].Value is var hex && hex != "-")
        {
            lsn = ulong.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        token = new ConsistencyToken(lsn, match.Groups["generation"].Value);
        return true;
    }

    // Generations are 32 hex digits (DatabaseGeneration) or "0" before the first write.
    [GeneratedRegex("^v1\\.(?<lsn>-|[0-9a-f]{1,16})\\.(?<generation>[0-9a-zA-Z]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
