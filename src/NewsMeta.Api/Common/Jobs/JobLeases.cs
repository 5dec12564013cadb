using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Jobs;

/// <summary>
/// Database leases, so a background job runs on one instance at a time however many run it. Taking a
/// lease is one conditional UPDATE (free, expired, or already ours), else one INSERT: both are atomic
/// in SQLite and PostgreSQL, so two instances racing for the same lease cannot both win. A lease
/// expires by itself, so a crashed holder blocks the job for at most one lease period.
/// </summary>
public sealed class JobLeases(NewsDbContext db, TimeProvider clock)
{
    /// <summary>This process's holder name (machine and process id: unique across instances).</summary>
    public static string InstanceName { get; } = Last(150, $"{Environment.MachineName}/{Environment.ProcessId}");

    public async Task<bool> TryAcquireAsync(string job, string holder, TimeSpan period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + period;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == job && (l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Set<JobLease>().AnyAsync(l => l.Name == job, ct))
        {
            return false; // held by someone else and not expired
        }

        db.Set<JobLease>().Add(new JobLease { Name = job, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false; // another instance created it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Gives the lease up at once (on graceful shutdown), so another instance can take over without waiting.</summary>
    private static string Last(int length, string text) => text.Length > length ? text[^length..] : text;

    public Task ReleaseAsync(string job, string holder, CancellationToken ct) =>
        db.Set<JobLease>().Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), ct);
}
