namespace NewsMeta.Api.Data;

/// <summary>
/// Which connection this request's <see cref="NewsDbContext"/> uses when a read-only replica is
/// configured: reads (GET/HEAD, GraphQL queries) go to the replica, everything else to the primary.
/// Decided before the context is first resolved in the request; CLI and start-up work (no request) use the primary.
/// </summary>
public sealed class DatabaseRoute(IHttpContextAccessor accessor)
{
    /// <summary>This request only reads, so the replica may serve it (set by GraphQL once it knows the operation).</summary>
    public bool IsRead { get; set; } = accessor.HttpContext?.Request.Method is "GET" or "HEAD";

    /// <summary>
    /// The read carries a read-your-writes token the replica has not replayed yet (<see cref="Consistency.ReadYourWrites"/>):
    /// it must be served by the primary even though it only reads.
    /// </summary>
    public bool PrimaryRequired { get; set; }

    public bool UseReplica
    {
        get => IsRead && !PrimaryRequired;
        set => IsRead = value;
    }
}
