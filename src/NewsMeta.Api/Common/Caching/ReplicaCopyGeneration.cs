using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// With Redis and a read replica, cached answers are keyed by the generation row of the database copy that
/// computes them as well as by Redis's counter. Redis's counter is bumped once the primary commits; a replica
/// may not have replayed that write yet, and an answer it computes then must not be stored under the new
/// counter, where a reader carrying the write's token (served by a caught-up replica or the primary) would
/// find it. The row moves in the writer's transaction, so it moves on the replica exactly with the data.
/// Without a replica this costs nothing: every instance reads the one primary.
/// </summary>
internal static class ReplicaCopyGeneration
{
    public static async ValueTask<KeyValuePair<string, string>> ValueAsync(HttpContext context, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<DatabaseConnections>().ReadOnly is null)
        {
            return new KeyValuePair<string, string>("copy", "primary");
        }

        return new KeyValuePair<string, string>("copy", await DatabaseGeneration.ReadAsync(services.GetRequiredService<NewsDbContext>(), ct));
    }
}
