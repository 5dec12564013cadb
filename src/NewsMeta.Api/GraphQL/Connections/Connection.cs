namespace NewsMeta.Api.GraphQL.Connections;

/// <summary>A Relay connection page. <see cref="TotalCount"/> runs only when the client selects it.</summary>
public sealed class Connection<T>
{
    public required IReadOnlyList<Edge<T>> Edges { get; init; }
    public required PageInfo PageInfo { get; init; }
    public required Func<CancellationToken, Task<int>> TotalCount { get; init; }

    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    /// <summary>Builds the page from rows fetched with one extra row (which only tells whether more exist).</summary>
    public static Connection<T> FromRows(List<T> rows, PageArgs args, Func<T, string> cursorOf, Func<CancellationToken, Task<int>> totalCount)
    {
        var more = rows.Count > args.Size;
        if (more)
        {
            rows.RemoveAt(args.Size);
        }

        if (args.Backward)
        {
            rows.Reverse();
        }

        var edges = rows.Select(r => new Edge<T>(cursorOf(r), r)).ToList();
        return new Connection<T>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                // Forward: more rows means a next page; a cursor we started after means a previous one (and vice versa).
                HasNextPage = args.Backward ? args.Before is not null : more,
                HasPreviousPage = args.Backward ? more : args.After is not null,
                StartCursor = edges.Count > 0 ? edges[0].Cursor : null,
                EndCursor = edges.Count > 0 ? edges[^1].Cursor : null,
            },
            TotalCount = totalCount,
        };
    }
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed class PageInfo
{
    public bool HasNextPage { get; init; }
    public bool HasPreviousPage { get; init; }
    public string? StartCursor { get; init; }
    public string? EndCursor { get; init; }
}
