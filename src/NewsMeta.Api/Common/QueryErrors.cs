using System.Globalization;
using NewsMeta.Api.Common.Json;

namespace NewsMeta.Api.Common;

/// <summary>Collects field → messages while parsing query parameters; becomes a 400 validation problem.</summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Repeatable positive integer ids (<c>?entity=1&amp;entity=2</c>).</summary>
    public int[] Ids(string field, string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return [];
        }

        if (values.Length > 20)
        {
            Add(field, "may be given at most 20 times");
            return [];
        }

        var ids = new List<int>(values.Length);
        foreach (var value in values)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                Add(field, $"'{Truncate(value)}' is not a positive integer id");
            }
        }

        return [.. ids.Distinct()];
    }

    /// <summary>An optional RFC 3339 instant.</summary>
    public DateTime? Instant(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (UtcDateTimeJsonConverter.TryParse(value, out var instant))
        {
            return instant;
        }

        Add(field, "must be an RFC 3339 date-time with an offset, e.g. 2026-03-10T08:15:00Z");
        return null;
    }

    private static string Truncate(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";
}
