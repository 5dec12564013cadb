namespace NewsMeta.Text;

/// <summary>
/// A written word (or phrase) without the preposition or conjunction attached to its first word, as a
/// keyphrase should read: "لإلغاء القيود" → "إلغاء القيود", "بالطاقة" → "الطاقة", "للنقل" → "النقل",
/// "وبالتعاون" → "التعاون". Only clitics before the article or a hamza are taken off, because there the
/// letter cannot belong to the word; "لبنان", "وزير" and "واشنطن" keep their first letter.
/// </summary>
public static class BaseForms
{
    public static string Of(string written)
    {
        var start = 0;
        for (var k = 0; k < 3 && start < written.Length; k++)
        {
            var rest = written.AsSpan(start);
            if (rest.StartsWith("لل") && rest.Length > 3 && char.IsLetter(rest[2]))
            {
                // ل + ال with the alef dropped in writing: restore it.
                return "ال" + written[(start + 2)..];
            }

            if (rest.Length > 3 && rest[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك' && StartsWord(rest[1..]))
            {
                start++;
                continue;
            }

            break;
        }

        return written[start..];
    }

    // What can follow a clitic: the article, a hamza on alef, or another clitic that is itself followed by one.
    private static bool StartsWord(ReadOnlySpan<char> rest) =>
        (rest.StartsWith("ال") && rest.Length > 3)
        || rest[0] is 'أ' or 'إ' or 'آ'
        || (rest.Length > 3 && rest[0] is 'ب' or 'ل' or 'ك' && (rest[1..].StartsWith("ال") || rest[1] is 'أ' or 'إ' or 'آ' || rest[1..].StartsWith("ل")));
}
