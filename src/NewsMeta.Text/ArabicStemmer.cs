namespace NewsMeta.Text;

/// <summary>
/// A light stemmer in the spirit of Larkey's light10, applied to <see cref="ArabicNormalizer"/>
/// output. It does not find roots; it strips what attaches to a word so that the forms a reader
/// writes for the same word meet: الصين, للصين, بالصين, والصين → صين; وبوتين, بوتين → one stem.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Clitic prefixes are stripped repeatedly until none applies: the article with a particle
/// (وال فال بال كال لل ال, leaving at least 2 letters), else و or ف (leaving at least 3), else ب ك ل
/// (leaving at least 4). Repeating is what makes stacked clitics (و + ب + word) reach the same stem
/// as the bare word.</item>
/// <item>One suffix is stripped, the longest that applies of ها ان ات ون ين يه ه ي, leaving at least 3 letters.</item>
/// <item>Words with no Arabic letter (Latin, digits) are returned unchanged.</item>
/// </list>
/// Both the index and the queries go through the same steps, so a query matches whatever form the
/// text used; the price is that a few unrelated words share a stem.
/// </remarks>
public static class ArabicStemmer
{
    private static readonly string[] ArticlePrefixes = ["وال", "فال", "بال", "كال", "لل", "ال"];
    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    public static string Stem(string normalizedWord)
    {
        if (!HasArabicLetter(normalizedWord))
        {
            return normalizedWord;
        }

        var word = normalizedWord;
        while (StripPrefix(word) is { } shorter)
        {
            word = shorter;
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static string? StripPrefix(string word)
    {
        foreach (var prefix in ArticlePrefixes)
        {
            if (word.Length - prefix.Length >= 2 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return word[prefix.Length..];
            }
        }

        return word switch
        {
            { Length: >= 4 } when word[0] is 'و' or 'ف' => word[1..],
            { Length: >= 5 } when word[0] is 'ب' or 'ك' or 'ل' => word[1..],
            _ => null,
        };
    }

    private static bool HasArabicLetter(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0621' and <= '\u064A')
            {
                return true;
            }
        }

        return false;
    }
}
