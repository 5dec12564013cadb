namespace NewsMeta.Api.GraphQL;

/// <summary>Date-times from GraphQL arguments: one without an offset is taken as UTC, as everywhere in the API.</summary>
public static class UtcDates
{
    public static DateTime? Normalize(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } v => v.ToUniversalTime(),
        { } v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    };
}
