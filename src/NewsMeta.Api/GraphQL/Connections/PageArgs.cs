using GraphQL;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.GraphQL.Connections;

/// <summary>
/// Relay pagination arguments, checked once: page size 0–100 (default 20), and <c>first</c> and
/// <c>last</c> not together (paging both ways at once has no useful meaning).
/// </summary>
public sealed record PageArgs(int Size, bool Backward, string? After, string? Before)
{
    public static PageArgs From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
        {
            throw new UserInputError("first", "and last cannot be combined; use first with after, or last with before");
        }

        var size = first ?? last ?? PageLimits.Default;
        if (size is < 0 or > PageLimits.Max)
        {
            throw new UserInputError(first is not null ? "first" : "last", $"must be from 0 to {PageLimits.Max}");
        }

        return new PageArgs(size, last is not null, context.GetArgument<string?>("after"), context.GetArgument<string?>("before"));
    }

    /// <summary>Decodes <c>after</c>/<c>before</c> against the list's scope; a foreign or forged cursor is a user error.</summary>
    public (long Key, int Id)? Decode(string? cursor, string scope, string argument)
    {
        if (cursor is null)
        {
            return null;
        }

        if (!Cursor.TryDecode(cursor, scope, out var key, out var id))
        {
            throw new UserInputError(argument, "is not a cursor of this list; start again without it");
        }

        return (key, id);
    }
}
