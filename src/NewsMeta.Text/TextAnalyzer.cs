namespace NewsMeta.Text;

/// <summary>A searchable term: a word's stem and where the word is in the original text.</summary>
public readonly record struct Term(string Stem, int Start, int Length);

/// <summary>
/// Tokenise → drop stop words → stem: the one analysis used to index articles and to read queries,
/// so both sides meet on the same terms.
/// </summary>
public static class TextAnalyzer
{
    public static List<Term> Terms(string? text)
    {
        var terms = new List<Term>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!StopWords.Contains(token.Normalized))
            {
                terms.Add(new Term(ArabicStemmer.Stem(token.Normalized), token.Start, token.Length));
            }
        }

        return terms;
    }

    /// <summary>The stems of a text joined by spaces: what a full-text index stores.</summary>
    public static string IndexText(string? text) => string.Join(' ', Terms(text).Select(t => t.Stem));
}
