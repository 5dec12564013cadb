namespace NewsMeta.Api.Common.Paging;

/// <summary>One page of a list: <c>nextCursor</c> is null on the last page.</summary>
public sealed class Page<T>
{
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Pass as <c>cursor</c> to get the next page; null when there is none.</summary>
    public string? NextCursor { get; init; }
}
