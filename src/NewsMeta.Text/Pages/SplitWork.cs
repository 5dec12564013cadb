namespace NewsMeta.Text.Pages;

/// <summary>
/// How much work splitting run-together lines did: word spans whose phrase was built (and looked up), and
/// segmentations compared. Tests use it to prove the work grows linearly with the page, without timing it.
/// </summary>
public sealed class SplitWork
{
    public long SpansBuilt { get; set; }

    public long Comparisons { get; set; }

    public long Total => SpansBuilt + Comparisons;
}
