using NewsMeta.Api.Common;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The caller's catalogue change (an entity rename, alias or merge), made after the affected articles are
/// locked and before they are derived again; refused, it stops the batch and nothing is written.
/// </summary>
public sealed class CatalogueEditStep : IWriteStep
{
    public string Name => WriteSteps.CatalogueEdit;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.CatalogueEdit is null)
        {
            return;
        }

        if (!await batch.CatalogueEdit(ct))
        {
            batch.Stop();
            return;
        }

        batch.ChangesStore = true;
    }
}
