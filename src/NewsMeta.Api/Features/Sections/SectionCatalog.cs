using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Sections;

/// <summary>Finds the sections of publisher paths by normalised path, creating the missing levels (parents first).</summary>
public sealed class SectionCatalog(NewsDbContext db)
{
    /// <summary>
    /// Normalised path → tracked section, for every level of every path (<c>a/b</c> gives <c>a</c> and
    /// <c>a/b</c>). New ones are added to the context; the caller saves them.
    /// </summary>
    public async Task<Dictionary<string, Section>> ResolveAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var wanted = new Dictionary<string, (string Name, string Path, string? ParentKey)>();
        foreach (var path in paths)
        {
            foreach (var level in LevelsOf(path))
            {
                wanted.TryAdd(level.Key, (level.Name, level.Path, level.ParentKey));
            }
        }

        var keys = wanted.Keys.ToList();
        var found = await db.Sections.Where(s => keys.Contains(s.NormalizedPath)).ToDictionaryAsync(s => s.NormalizedPath, ct);
        // Parents before children: a level's key is a prefix of its children's, so shorter keys come first.
        foreach (var (key, level) in wanted.OrderBy(w => w.Key.Length))
        {
            if (!found.ContainsKey(key))
            {
                var section = new Section { Name = level.Name, Path = level.Path, NormalizedPath = key, Parent = level.ParentKey is null ? null : found[level.ParentKey] };
                db.Sections.Add(section);
                found[key] = section;
            }
        }

        return found;
    }

    /// <summary>The levels of a validated path, root first: each one's normalised key, display name and display path.</summary>
    public static List<(string Key, string Name, string Path, string? ParentKey)> LevelsOf(string path)
    {
        var result = new List<(string, string, string, string?)>();
        string? parentKey = null;
        string? parentPath = null;
        foreach (var raw in ArticleFurnitureRules.Levels(path))
        {
            var name = DisplayNames.Clean(raw);
            var key = parentKey is null ? ArabicNormalizer.Normalize(raw) : $"{parentKey}/{ArabicNormalizer.Normalize(raw)}";
            var display = parentPath is null ? name : $"{parentPath}/{name}";
            result.Add((key, name, display, parentKey));
            (parentKey, parentPath) = (key, display);
        }

        return result;
    }
}
