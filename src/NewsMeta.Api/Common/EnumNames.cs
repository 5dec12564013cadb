namespace NewsMeta.Api.Common;

/// <summary>Parses the camelCase enum names of the interchange format and the REST API (e.g. readAlso).</summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        // Enum.TryParse also accepts numbers ("1"); the contract only has names.
        return !string.IsNullOrWhiteSpace(text) && char.IsLetter(text[0])
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string ToName<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>"newspaper, agency, site" — for error messages.</summary>
    public static string List<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(ToName));
}
