namespace NewsMeta.Api.Features.Articles;

/// <summary>What a write did to one article.</summary>
public enum WriteStatus
{
    Created,
    Updated,

    /// <summary>The record is identical to the one stored: nothing was written, the version did not change.</summary>
    Unchanged,

    /// <summary>The record conflicts with stored data (e.g. its url belongs to another article).</summary>
    Rejected,

    /// <summary>The caller's condition (If-Match / If-None-Match) did not hold when the write was to happen.</summary>
    PreconditionFailed,
}

/// <summary>The result of writing one record; <see cref="Errors"/> is set when rejected.</summary>
public sealed record WriteOutcome(WriteStatus Status, int ArticleId, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>What a delete did.</summary>
public enum DeleteStatus
{
    Deleted,
    NotFound,

    /// <summary>The caller's If-Match did not hold inside the delete's transaction: nothing was deleted.</summary>
    PreconditionFailed,
}
