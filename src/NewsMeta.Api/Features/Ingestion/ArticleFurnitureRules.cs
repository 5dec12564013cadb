using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// The rules of the optional record fields a news card shows (subtitle, bylines, media, sections), part of
/// <see cref="ArticleRecordValidator"/>: the same limits on every write path. Media count toward the record's
/// limits like every other list (<see cref="ArticleRecordValidator.MaxListItems"/> items, each text bounded).
/// </summary>
internal static class ArticleFurnitureRules
{
    public static void Validate(ArticleRecord record, Action<string, string> add)
    {
        if (record.Subtitle is { Length: > ArticleRecordValidator.MaxSubtitle })
        {
            add("subtitle", $"must be at most {ArticleRecordValidator.MaxSubtitle} characters");
        }

        ArticleRecordValidator.ValidateList(record.Bylines, "bylines", add, (b, path) =>
        {
            ArticleRecordValidator.RequireName(b.Name, $"{path}.name", add);
            if (!EnumNames.TryParse<BylineRole>(b.Role, out _))
            {
                add($"{path}.role", $"must be one of {EnumNames.List<BylineRole>()}");
            }
        });
        ArticleRecordValidator.ValidateList(record.Media, "media", add, (m, path) => ValidateMedia(m, path, add));
        ArticleRecordValidator.ValidateList(record.Sections, "sections", add, (s, path) => ValidateSection(s, path, add));
    }

    /// <summary>Subtitle, captions, credits, alt texts and byline names are cleaned like titles.</summary>
    public static void CleanText(ArticleRecord record)
    {
        record.Subtitle = ArticleRecordValidator.Clean(record.Subtitle);
        foreach (var byline in record.Bylines ?? [])
        {
            if (byline is not null)
            {
                byline.Name = ArticleRecordValidator.Clean(byline.Name);
            }
        }

        foreach (var media in record.Media ?? [])
        {
            if (media is not null)
            {
                media.Caption = ArticleRecordValidator.Clean(media.Caption);
                media.Credit = ArticleRecordValidator.Clean(media.Credit);
                media.AltText = ArticleRecordValidator.Clean(media.AltText);
            }
        }

        if (record.Sections is { } sections)
        {
            for (var i = 0; i < sections.Count; i++)
            {
                sections[i] = ArticleRecordValidator.Clean(sections[i])!;
            }
        }
    }

    /// <summary>The levels of a section path: split at <c>/</c>, trimmed.</summary>
    public static string[] Levels(string path) => path.Split('/', StringSplitOptions.TrimEntries);

    private static void ValidateMedia(MediaRecord media, string path, Action<string, string> add)
    {
        if (!EnumNames.TryParse<MediaKind>(media.Kind, out _))
        {
            add($"{path}.kind", $"must be one of {EnumNames.List<MediaKind>()}");
        }

        if (string.IsNullOrWhiteSpace(media.Url))
        {
            add($"{path}.url", "is required");
        }
        else if (!ArticleRecordValidator.IsHttpUrl(media.Url))
        {
            add($"{path}.url", "must be an absolute http or https URL");
        }

        Bounded(media.Caption, $"{path}.caption", ArticleRecordValidator.MaxCaption, add);
        Bounded(media.AltText, $"{path}.altText", ArticleRecordValidator.MaxCaption, add);
        Bounded(media.Credit, $"{path}.credit", ArticleRecordValidator.MaxName, add);
        if (media.MimeType is not null && (media.MimeType.Length > ArticleRecordValidator.MaxMimeType || !IsMimeType(media.MimeType)))
        {
            add($"{path}.mimeType", "must be a media type such as image/jpeg");
        }

        foreach (var (value, name) in new[] { (media.Width, "width"), (media.Height, "height") })
        {
            if (value is < 1 or > ArticleRecordValidator.MaxMediaPixels)
            {
                add($"{path}.{name}", $"must be between 1 and {ArticleRecordValidator.MaxMediaPixels}");
            }
        }
    }

    private static void ValidateSection(string section, string path, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(section))
        {
            add(path, "is required");
            return;
        }

        if (section.Length > ArticleRecordValidator.MaxSectionPath)
        {
            add(path, $"must be at most {ArticleRecordValidator.MaxSectionPath} characters");
            return;
        }

        var levels = Levels(section);
        if (levels.Length > ArticleRecordValidator.MaxSectionDepth)
        {
            add(path, $"must have at most {ArticleRecordValidator.MaxSectionDepth} levels");
        }
        else if (levels.Any(l => l.Length > ArticleRecordValidator.MaxName || NewsMeta.Text.ArabicNormalizer.Normalize(l).Length == 0))
        {
            add(path, $"must have a name of 1–{ArticleRecordValidator.MaxName} characters with a letter or digit at every level (levels are separated by /)");
        }
    }

    private static void Bounded(string? value, string field, int max, Action<string, string> add)
    {
        if (value is { Length: var length } && length > max)
        {
            add(field, $"must be at most {max} characters");
        }
    }

    private static bool IsMimeType(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < value.Length - 1 && value.IndexOf('/', slash + 1) < 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-');
    }
}
