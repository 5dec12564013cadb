using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Jobs;

/// <summary>Reading and replacing one named <see cref="JobState"/> row, the same SQL on both providers.</summary>
public static class JobStateRows
{
    /// <summary>The row's value, or null before its first write.</summary>
    public static Task<string?> ValueAsync(NewsDbContext db, string name, CancellationToken ct) =>
        db.Set<JobState>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Sets the row's value, creating it the first time, in one upsert that cannot fail: inside a PostgreSQL
    /// transaction a failed insert (two first writers creating the row at once) would abort the whole transaction.
    /// </summary>
    public static FormattableString Replace(string name, string value, DateTime now) => $"""
        INSERT INTO "JobStates" ("Name", "Value", "UpdatedAt") VALUES ({name}, {value}, {now})
        ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
        """;
}
