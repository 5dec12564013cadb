using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Keywords;

/// <summary>Finds keywords by normalised name, creating the missing ones; keeps their article counts.</summary>
public sealed class KeywordCatalog(NewsDbContext db)
{
    /// <summary>Normalised name → tracked keyword; new ones are added to the context, shown as first written.</summary>
    public async Task<Dictionary<string, Keyword>> ResolveAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var byKey = new Dictionary<string, string>();
        foreach (var name in names)
        {
            byKey.TryAdd(ArabicNormalizer.Normalize(name), DisplayNames.Clean(name));
        }

        var keys = byKey.Keys.ToList();
        var found = await db.Keywords.Where(k => keys.Contains(k.NormalizedName)).ToDictionaryAsync(k => k.NormalizedName, ct);
        foreach (var (key, name) in byKey)
        {
            if (!found.ContainsKey(key))
            {
                var keyword = new Keyword { Name = name, NormalizedName = key };
                db.Keywords.Add(keyword);
                found[key] = keyword;
            }
        }

        return found;
    }
}
