using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// The rules of shared/formats/articles-ndjson.md, applied to every write path (REST PUT, GraphQL, NDJSON
/// import, page import). Returns field → messages, empty when the record is valid. Field names are JSON
/// paths (links[2].kind). It first cleans the record's free text in place (<see cref="CleanText"/>), so
/// every path stores the same clean text and the limits apply to what is stored.
/// </summary>
public static class ArticleRecordValidator
{
    public const int MaxExternalId = 200;
    public const int MaxTitle = 500;
    public const int MaxSummary = 2_000;
    public const int MaxBody = 200_000;
    public const int MaxName = 300;
    public const int MaxUrl = 2_048;
    public const int MaxListItems = 200;
    public const int MaxSubtitle = 500;
    public const int MaxCaption = 2_000;
    public const int MaxMimeType = 100;
    public const int MaxSectionPath = 1_000;
    public const int MaxSectionDepth = 8;
    public const int MaxMediaPixels = 100_000;

    public static Dictionary<string, string[]> Validate(ArticleRecord record)
    {
        CleanText(record);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        RequireText(record.ExternalId, "externalId", MaxExternalId, Add);
        RequireText(record.Title, "title", MaxTitle, Add);
        RequireText(record.Body, "body", MaxBody, Add);
        if (record.Summary is { Length: > MaxSummary })
        {
            Add("summary", $"must be at most {MaxSummary} characters");
        }

        if (record.Url is not null && !IsHttpUrl(record.Url))
        {
            Add("url", "must be an absolute http or https URL");
        }

        ArticleFurnitureRules.Validate(record, Add);

        if (string.IsNullOrWhiteSpace(record.Language))
        {
            Add("language", "is required");
        }
        else if (!LanguageTag.IsValid(record.Language))
        {
            Add("language", "must be a BCP 47 language tag such as ar, en or fr");
        }

        if (record.PublishedAt is null)
        {
            Add("publishedAt", "is required");
        }
        else if (record.UpdatedAt is { } updated && updated < record.PublishedAt)
        {
            Add("updatedAt", "must not be before publishedAt");
        }

        if (record.Source is null)
        {
            Add("source", "is required");
        }
        else
        {
            ValidateSource(record.Source, "source", Add);
        }

        ValidateList(record.Credits, "credits", Add, (c, path) => ValidateSource(c, path, Add));
        ValidateList(record.Keywords, "keywords", Add, (k, path) => RequireName(k, path, Add));
        ValidateList(record.Entities, "entities", Add, (e, path) =>
        {
            RequireName(e.Name, $"{path}.name", Add);
            if (!EnumNames.TryParse<EntityType>(e.Type, out _))
            {
                Add($"{path}.type", $"must be one of {EnumNames.List<EntityType>()}");
            }

            ValidateList(e.Aliases, $"{path}.aliases", Add, (a, aliasPath) => RequireName(a, aliasPath, Add));
        });
        ValidateList(record.Links, "links", Add, (l, path) =>
        {
            if (string.IsNullOrWhiteSpace(l.ExternalId) && string.IsNullOrWhiteSpace(l.Url) && string.IsNullOrWhiteSpace(l.Title))
            {
                Add(path, "needs at least one of externalId, url, title");
            }

            if (l.ExternalId is { Length: > MaxExternalId })
            {
                Add($"{path}.externalId", $"must be at most {MaxExternalId} characters");
            }

            if (l.Title is { Length: > MaxTitle })
            {
                Add($"{path}.title", $"must be at most {MaxTitle} characters");
            }

            if (l.Url is not null && !IsHttpUrl(l.Url))
            {
                Add($"{path}.url", "must be an absolute http or https URL");
            }

            if (!EnumNames.TryParse<LinkKind>(l.Kind, out _))
            {
                Add($"{path}.kind", $"must be one of {EnumNames.List<LinkKind>()}");
            }
        });
        return errors;
    }

    /// <summary>
    /// Bidi controls and hidden characters out of every free-text field (<see cref="NewsMeta.Text.ArticleText"/>).
    /// Names (source, keywords, entities, aliases) are cleaned where the catalogues store them (<see cref="NewsMeta.Text.DisplayNames"/>).
    /// A text field added to <see cref="ArticleRecord"/> belongs here too.
    /// </summary>
    public static void CleanText(ArticleRecord record)
    {
        record.Title = Clean(record.Title);
        record.Summary = Clean(record.Summary);
        record.Body = Clean(record.Body);
        foreach (var link in record.Links ?? [])
        {
            if (link is not null)
            {
                link.Title = Clean(link.Title);
            }
        }

        ArticleFurnitureRules.CleanText(record);
    }

    internal static string? Clean(string? text) => text is null ? null : NewsMeta.Text.ArticleText.Clean(text);

    private static void ValidateSource(SourceRecord? source, string path, Action<string, string> add)
    {
        if (source is null)
        {
            add(path, "must be an object {name, kind}");
            return;
        }

        RequireName(source.Name, $"{path}.name", add);
        if (!EnumNames.TryParse<SourceKind>(source.Kind, out _))
        {
            add($"{path}.kind", $"must be one of {EnumNames.List<SourceKind>()}");
        }
    }

    internal static void ValidateList<T>(List<T>? items, string path, Action<string, string> add, Action<T, string> validateItem)
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > MaxListItems)
        {
            add(path, $"must have at most {MaxListItems} items");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                add($"{path}[{i}]", "must not be null");
            }
            else
            {
                validateItem(items[i], $"{path}[{i}]");
            }
        }
    }

    public static void RequireText(string? value, string field, int max, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, "is required");
        }
        else if (value.Length > max)
        {
            add(field, $"must be at most {max} characters");
        }
        else if (value.Contains('\0', StringComparison.Ordinal))
        {
            add(field, "must not contain NUL characters");
        }
    }

    /// <summary>A name must also have a letter or digit (invisible characters alone do not count: it is stored cleaned, see <see cref="NewsMeta.Text.DisplayNames"/>).</summary>
    public static void RequireName(string? value, string field, Action<string, string> add)
    {
        RequireText(value, field, MaxName, add);
        if (!string.IsNullOrWhiteSpace(value) && value.Length <= MaxName && NewsMeta.Text.ArabicNormalizer.Normalize(value).Length == 0)
        {
            // Names are matched by their normalised form: one without letters or digits would match every other such name.
            add(field, "must contain at least one letter or digit");
        }
    }

    internal static bool IsHttpUrl(string url) =>
        url.Length <= MaxUrl
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
