namespace NewsMeta.Text.Tests;

/// <summary>The word scanners' lookup tables answer exactly what their predicates answer, for every UTF-16 code unit.</summary>
public sealed class CharSetTests
{
    public static TheoryData<string> Predicates => ["word", "letter-digit-or-mark", "odd"];

    [Theory]
    [MemberData(nameof(Predicates))]
    public void A_table_contains_exactly_the_characters_its_predicate_accepts(string name)
    {
        Func<char, bool> predicate = name switch
        {
            "word" => Tokenizer.IsWordCharSlow,
            "letter-digit-or-mark" => ArabicNormalizer.IsLetterDigitOrMark,
            _ => c => c % 2 == 1,
        };
        var set = new CharSet(predicate);
        var accepted = 0;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(predicate((char)c) == set.Contains((char)c), $"U+{c:X4}");
            accepted += set.Contains((char)c) ? 1 : 0;
        }

        // Neither empty nor everything: the Arabic letters are in, spaces are out.
        Assert.InRange(accepted, 1, char.MaxValue);
        if (name != "odd")
        {
            Assert.True(set.Contains('ب') && set.Contains('٣') && !set.Contains(' ') && !set.Contains('،'));
        }
    }
}
