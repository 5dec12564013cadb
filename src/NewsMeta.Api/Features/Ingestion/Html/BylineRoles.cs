using System.Text.RegularExpressions;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// The label a byline or credit carries ("بقلم:", "تصوير:", "ترجمة:", "مراسلنا", "By") says the person's role;
/// the name is what follows it.
/// </summary>
internal static partial class BylineRoles
{
    private static readonly (string Role, string[] Labels)[] Labels =
    [
        ("photographer", ["تصوير", "عدسة", "photo", "photos", "photograph"]),
        ("translator", ["ترجمة", "ترجمه", "translated by", "translation"]),
        ("editor", ["تحرير", "إعداد", "edited by", "editor"]),
        ("correspondent", ["مراسلنا", "مراسلتنا", "مراسل", "مراسلة", "correspondent"]),
        ("author", ["بقلم", "كتب", "كتبت", "by"]),
        ("other", ["©", "المصدر", "source"]),
    ];

    /// <summary>The role the label before the name names; <paramref name="otherwise"/> without a label.</summary>
    public static string FromLabel(string? text, string otherwise)
    {
        var start = (text ?? "").TrimStart().ToLowerInvariant();
        return Labels.FirstOrDefault(l => l.Labels.Any(label => StartsWithWord(start, label))).Role ?? otherwise;
    }

    /// <summary>The name without its label and separators ("بقلم: سلمى الرفاعي" → "سلمى الرفاعي").</summary>
    public static string? WithoutLabel(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var rest = text.Trim();
        foreach (var label in Labels.SelectMany(l => l.Labels).OrderByDescending(l => l.Length))
        {
            if (StartsWithWord(rest.ToLowerInvariant(), label))
            {
                rest = rest[label.Length..];
                break;
            }
        }

        return PageText.Clean(Separators().Replace(rest, ""));
    }

    /// <summary>A caption ending in its credit: "… (تصوير: خالد يوسف)", "… © وكالة الأنباء" → (caption, credit).</summary>
    public static (string Caption, string Credit)? SplitCredit(string caption)
    {
        var match = CreditTail().Match(caption);
        if (!match.Success)
        {
            return null;
        }

        var before = PageText.Clean(caption[..match.Index].TrimEnd(' ', '-', '–', '|', '(', '،'));
        var credit = PageText.Clean(match.Groups["credit"].Value.TrimEnd(')', ' '));
        return before is null || credit is null ? null : (before, credit);
    }

    private static bool StartsWithWord(string text, string label) =>
        text.StartsWith(label, StringComparison.Ordinal) && (text.Length == label.Length || !char.IsLetter(text[label.Length]));

    [GeneratedRegex(@"^[\s:：\-–—|،,]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[\(\s\-–|]*(?<credit>(تصوير|عدسة|©|المصدر|Photo)\s*[:：]?\s*[^()]+)\)?\s*$")]
    private static partial Regex CreditTail();
}
