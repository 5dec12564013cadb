using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// For the CLI import of a file: reads the file once before the articles are written and puts every
/// entity (and alias) it names into the catalogue. Each article is then linked against the whole
/// catalogue when it is written, instead of against the entities of the lines before it; the matcher
/// is built once instead of after every batch that brings a new entity; and, when the store was
/// linked with the catalogue before, the relink job has nothing left to do afterwards (before, a
/// fresh 20,000-article import left the service relinking every article in its first minutes).
/// </summary>
public sealed class ImportCatalogueFirst(NewsDbContext db, EntityCatalog entities, EntityLinker linker, CatalogueChangeRelinker relinker, TimeProvider clock)
{
    /// <summary>Distinct entities resolved per transaction.</summary>
    private const int ChunkSize = 1000;

    /// <summary>Resolves the entities of every valid line; the result tells <see cref="FinishAsync"/> what it may record.</summary>
    public async Task<Prepared> PrepareAsync(Stream input, CancellationToken ct)
    {
        var stampBefore = await linker.StampAsync(ct);
        var empty = !await db.Articles.AnyAsync(ct);
        var linkedBefore = empty || await RelinkJob.LinkedStateAsync(db, ct) == stampBefore.ToString();

        // One input per (normalised name, type), with every alias the file gives it.
        var inputs = new Dictionary<(string, EntityType), (string Name, EntityType Type, HashSet<string> Aliases)>();
        var bylines = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true))
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                // Invalid lines are reported by the import itself; here they only name no entity.
                if (string.IsNullOrWhiteSpace(line) || NdjsonImporter.Parse(line).Record is not { } record)
                {
                    continue;
                }

                foreach (var e in record.Entities ?? [])
                {
                    var type = EnumNames.TryParse<EntityType>(e.Type, out var t) ? t : EntityType.Other;
                    var key = (ArabicNormalizer.Normalize(e.Name!), type);
                    if (!inputs.TryGetValue(key, out var entry))
                    {
                        inputs[key] = entry = (e.Name!, type, new HashSet<string>(StringComparer.Ordinal));
                    }

                    entry.Aliases.UnionWith(e.Aliases ?? []);
                }

                // A byline names a person entity too (StoreFurnitureStep resolves it so): created here, it
                // does not move the catalogue during the import and leave the relink job work to do.
                foreach (var b in record.Bylines ?? [])
                {
                    bylines.TryAdd(ArabicNormalizer.Normalize(b.Name!), b.Name!);
                }
            }
        }

        // After the file's entities, as the writes would create them: the entities' ids do not depend on bylines.
        foreach (var (normalized, name) in bylines)
        {
            inputs.TryAdd((normalized, EntityType.Person), (name, EntityType.Person, new HashSet<string>(StringComparer.Ordinal)));
        }

        foreach (var chunk in inputs.Values.Chunk(ChunkSize))
        {
            await ResolveWithRetryAsync(chunk.Select(c => new EntityMentionInput(c.Name, c.Type, c.Aliases.ToList())).ToList(), ct);
        }

        input.Position = 0;
        // An empty store: every article is written after this pass, linked with all of it. Otherwise the
        // articles stored before are linked only with the catalogue as it was before the pass.
        return new Prepared(linkedBefore, empty ? await linker.StampAsync(ct) : stampBefore, inputs.Count);
    }

    /// <summary>
    /// Another writer (the service, a second import) can create the same entity or alias meanwhile: on
    /// PostgreSQL this INSERT then waits for its commit and fails on the unique index. Starting the chunk
    /// again finds the other writer's rows and creates only what is still missing.
    /// </summary>
    private async Task ResolveWithRetryAsync(List<EntityMentionInput> chunk, CancellationToken ct) =>
        await ConflictRetry.RunAsync(db, async token =>
        {
            await using (var tx = await db.Database.BeginTransactionAsync(token))
            {
                await entities.ResolveAsync(chunk, token);
                await db.SaveChangesAsync(token);
                await tx.CommitAsync(token);
            }

            db.ChangeTracker.Clear();
            return true;
        }, ct);

    /// <summary>
    /// After the import: relinks the articles holding the confirmed names added since <see cref="Prepared.Stamp"/>
    /// (another writer's entities) incrementally, and records for the relink job that every article is linked with the catalogue as it
    /// is now. Not when the store held articles linked with an unknown older catalogue (the job then works
    /// from its own state).
    /// </summary>
    public async Task<bool> FinishAsync(Prepared prepared, CancellationToken ct)
    {
        if (!prepared.LinkedBefore)
        {
            return false;
        }

        var stamp = await linker.StampAsync(ct);
        if (stamp != prepared.Stamp)
        {
            await relinker.RelinkAsync(prepared.Stamp, stamp, null, ct);
        }

        await RelinkJob.RecordLinkedAsync(db, stamp.ToString(), clock.GetUtcNow().UtcDateTime, ct);
        return true;
    }

    /// <param name="LinkedBefore">The store was empty, or linked with the catalogue as it was before the first pass.</param>
    /// <param name="Stamp">The catalogue state every stored article is linked with once the import has written its lines, but for the rows added after it.</param>
    /// <param name="Entities">Distinct entities the file names.</param>
    public sealed record Prepared(bool LinkedBefore, CatalogStamp Stamp, int Entities);
}
