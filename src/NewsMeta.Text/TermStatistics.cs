namespace NewsMeta.Text;

/// <summary>
/// What the store knows about terms, for ranking keyphrases: how many documents it holds, and in how
/// many a stem (or a two-stem phrase) occurs. The API answers from its search index.
/// </summary>
public interface ITermStatistics
{
    int Documents { get; }

    /// <summary>Documents holding the stem.</summary>
    int DocumentFrequency(string stem);

    /// <summary>Documents holding the two stems side by side ("محط تحلي"), or null when the store does not count phrases.</summary>
    int? PhraseDocumentFrequency(string stemPhrase) => null;
}

/// <summary>Stem frequencies from a function, no phrase figures: what today's callers pass.</summary>
public sealed record StemFrequencies(Func<string, int> Frequency, int Documents) : ITermStatistics
{
    public int DocumentFrequency(string stem) => Frequency(stem);
}
