namespace NewsMeta.Api.Data;

/// <summary>
/// Runs a unit of database work again when another writer got in the way (<see cref="DbErrors.IsRetryableConflict"/>):
/// it created the same externalId, source, keyword or entity, or changed the same row, meanwhile. The work
/// starts again with an empty change tracker and sees the other writer's rows (the later write wins). A
/// short random pause keeps two writers from colliding again in step.
/// </summary>
public static class ConflictRetry
{
    public const int MaxAttempts = 5;

    /// <param name="db">The context the work uses; its tracked entities are dropped before each new attempt.</param>
    /// <param name="work">One attempt, in its own transaction.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<T> RunAsync<T>(NewsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (Exception ex) when (attempt < MaxAttempts && DbErrors.IsRetryableConflict(ex))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }
}
