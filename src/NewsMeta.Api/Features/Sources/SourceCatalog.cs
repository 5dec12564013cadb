using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Sources;

/// <summary>Finds sources by normalised name, creating the missing ones; keeps their article counts.</summary>
public sealed class SourceCatalog(NewsDbContext db)
{
    /// <summary>
    /// Normalised name → tracked source for every wanted name; new ones are added to the context
    /// (saved with the caller's SaveChanges). An existing source keeps its kind.
    /// </summary>
    public async Task<Dictionary<string, Source>> ResolveAsync(IEnumerable<(string Name, SourceKind Kind)> wanted, CancellationToken ct)
    {
        var byKey = new Dictionary<string, (string Name, SourceKind Kind)>();
        foreach (var (name, kind) in wanted)
        {
            byKey.TryAdd(ArabicNormalizer.Normalize(name), (DisplayNames.Clean(name), kind));
        }

        var keys = byKey.Keys.ToList();
        var found = await db.Sources.Where(s => keys.Contains(s.NormalizedName)).ToDictionaryAsync(s => s.NormalizedName, ct);
        foreach (var (key, (name, kind)) in byKey)
        {
            if (!found.ContainsKey(key))
            {
                var source = new Source { Name = name, NormalizedName = key, Kind = kind };
                db.Sources.Add(source);
                found[key] = source;
            }
        }

        return found;
    }
}
