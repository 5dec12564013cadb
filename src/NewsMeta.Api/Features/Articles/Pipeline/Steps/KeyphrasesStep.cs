using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Enrichment;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Keywords extracted from the text where the publisher gave too few (<see cref="KeywordExtraction"/>);
/// added to each article's keyword list, so the counts step counts them with the publisher's.
/// </summary>
public sealed class KeyphrasesStep(NewsDbContext db, KeywordExtraction extraction) : IWriteStep
{
    public string Name => WriteSteps.Keyphrases;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.Written.Count == 0)
        {
            return;
        }

        var extracted = await extraction.ExtractAsync(batch.Written, ct);
        if (extracted.Count > 0)
        {
            await db.SaveChangesAsync(ct); // new catalogue keywords get their ids
            foreach (var row in extracted)
            {
                row.KeywordId = row.Keyword.Id;
            }

            await db.InsertAsync(extracted, ct);
        }
    }
}
