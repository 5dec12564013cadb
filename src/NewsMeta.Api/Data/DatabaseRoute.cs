namespace NewsMeta.Api.Data;

/// <summary>
/// Which connection this request's <see cref="NewsDbContext"/> uses when a read-only replica is
/// configured: reads (GET/HEAD, GraphQL queries) go to the replica, everything else to the primary.
/// Decided before the context is first resolved in the request; CLI and start-up work (no request) use the primary.
/// </summary>
public sealed class DatabaseRoute(IHttpContextAccessor accessor)
{
    public bool UseReplica { get; set; } = accessor.HttpContext?.Request.Method is "GET" or "HEAD";
}
