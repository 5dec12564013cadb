using System.Globalization;
using GraphQL;

namespace NewsMeta.Api.GraphQL;

/// <summary>Reads ids given as arguments: a global id of the expected type, or the plain database id.</summary>
public static class IdArguments
{
    public static int Parse(string argument, string? value, string type)
    {
        if (GlobalId.TryDecode(value, type, out var id))
        {
            return id;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
        {
            return id;
        }

        throw new UserInputError(argument, $"must be the id of a {type} (a global id, or its databaseId)");
    }

    public static int[] ParseAll(string argument, IEnumerable<string>? values, string type) =>
        values is null ? [] : [.. values.Select(v => Parse(argument, v, type)).Distinct()];

    /// <summary>
    /// The single-object lookups take exactly one of id, databaseId (and externalId for articles);
    /// returns the database id, or null when the given global id is of another type (so the object is absent).
    /// </summary>
    public static int? OneOf(IResolveFieldContext context, string type, bool allowExternalId = false)
    {
        var given = new[] { "id", "databaseId", "externalId" }.Count(context.HasArgument);
        if (given != 1 || (!allowExternalId && context.HasArgument("externalId")))
        {
            throw new UserInputError("id", allowExternalId ? "or databaseId or externalId: give exactly one" : "or databaseId: give exactly one");
        }

        if (context.HasArgument("databaseId"))
        {
            return context.GetArgument<int>("databaseId");
        }

        if (context.HasArgument("id"))
        {
            var value = context.GetArgument<string>("id");
            return GlobalId.TryDecode(value, out var actualType, out var id)
                ? actualType == type ? id : null
                : throw new UserInputError("id", "is not a global id");
        }

        return null;
    }
}
