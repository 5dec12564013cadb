using System.Globalization;
using System.Text;

namespace NewsMeta.Text;

/// <summary>
/// Cleans a name (entity, alias, keyword, source) before it is stored and shown: invisible format
/// characters (bidi overrides and isolates, zero-width space/joiners, the Arabic letter mark, BOM, soft
/// hyphen: Unicode category Cf) and control characters are removed, whitespace runs become one space,
/// and the ends are trimmed. Those characters can make two names look alike that are not (or hide
/// text), so a stored name never carries them; comparison already ignores them (<see cref="ArabicNormalizer"/>).
/// </summary>
public static class DisplayNames
{
    public static string Clean(string name)
    {
        var text = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && !char.IsWhiteSpace(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
