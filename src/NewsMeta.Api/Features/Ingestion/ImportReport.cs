namespace NewsMeta.Api.Features.Ingestion;

/// <summary>The result of a bulk import: counts, and each rejected line with its reasons.</summary>
public sealed class ImportReport
{
    public const int MaxRejectedListed = 1_000;

    /// <example>48</example>
    public int Created { get; set; }

    /// <example>2</example>
    public int Updated { get; set; }

    /// <summary>Lines identical to what is stored: nothing was written.</summary>
    /// <example>0</example>
    public int Unchanged { get; set; }

    /// <summary>How many lines were rejected (the list below stops at 1,000).</summary>
    /// <example>1</example>
    public int RejectedCount { get; set; }

    public List<RejectedLine> Rejected { get; } = [];

    public void Reject(int line, Dictionary<string, string[]> errors)
    {
        RejectedCount++;
        if (Rejected.Count < MaxRejectedListed)
        {
            Rejected.Add(new RejectedLine(line, errors));
        }
    }
}

/// <summary>A line that was not imported, and why (field → messages).</summary>
public sealed record RejectedLine(int Line, IReadOnlyDictionary<string, string[]> Errors);
