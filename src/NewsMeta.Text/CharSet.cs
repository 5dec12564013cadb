namespace NewsMeta.Text;

/// <summary>
/// A set of UTF-16 code units decided once by a predicate and then looked up in a 64 K-bit table (8 KB). The
/// word scanners ask "letter, digit or mark?" of every character they read; for anything past Latin-1 that
/// was one or two Unicode category lookups a character, a visible share of a search's highlighting.
/// </summary>
internal sealed class CharSet
{
    private readonly ulong[] _bits = new ulong[(char.MaxValue + 1) / 64];

    public CharSet(Func<char, bool> predicate)
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (predicate((char)c))
            {
                _bits[c >> 6] |= 1UL << (c & 63);
            }
        }
    }

    public bool Contains(char c) => (_bits[c >> 6] & (1UL << (c & 63))) != 0;
}
