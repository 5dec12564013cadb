using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsMeta.Api.Common.Jobs;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>
/// The version of what the entity matcher is built from: a JobStates row given a new value by every save that
/// adds, removes or renames an entity, changes its status, or touches an alias. Entities and aliases change only
/// through tracked saves, so <see cref="NewsDbContext"/> replaces it after any such save (in the saver's
/// transaction when there is one, else just after its commit: never before the data). A reader that finds the
/// value it last checked the catalogue under can reuse that check (<see cref="EntityLinker.CurrentMatcherAsync"/>):
/// one indexed read where the full stamp counts every entity, discovered ones included.
/// Discovery adding a discovered entity does not move it: the matcher reads confirmed entities only.
/// </summary>
public static class CatalogueVersion
{
    public const string Name = "entity-catalogue";

    private static readonly string[] MatchedProperties = [nameof(NamedEntity.Name), nameof(NamedEntity.NormalizedName), nameof(NamedEntity.Status)];

    /// <summary>Whether the tracked changes (already detected) touch what the matcher is built from.</summary>
    public static bool ChangedBy(ChangeTracker tracker) =>
        tracker.Entries<NamedEntity>().Any(e => e.State switch
        {
            EntityState.Added => e.Entity.Status == EntityStatus.Confirmed,
            EntityState.Deleted => true,
            EntityState.Modified => MatchedProperties.Any(p => e.Property(p).IsModified),
            _ => false,
        })
        || tracker.Entries<EntityAlias>().Any(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified);

    /// <summary>The value before the row's first save.</summary>
    public const string Missing = "0";

    public static async Task<string> ReadAsync(NewsDbContext db, CancellationToken ct) => await JobStateRows.ValueAsync(db, Name, ct) ?? Missing;

    /// <summary>Gives the row a new value (<see cref="JobStateRows.Replace"/>).</summary>
    public static Task ReplaceAsync(NewsDbContext db, CancellationToken ct) => db.Database.ExecuteSqlAsync(NewValue(), ct);

    /// <inheritdoc cref="ReplaceAsync"/>
    public static void Replace(NewsDbContext db) => db.Database.ExecuteSql(NewValue());

    private static FormattableString NewValue() => JobStateRows.Replace(Name, Guid.NewGuid().ToString("N"), DateTime.UtcNow);
}
