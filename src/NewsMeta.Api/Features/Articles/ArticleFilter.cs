using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The article filters shared by /articles, /entities/{id}/articles, /keywords/{id}/articles,
/// /sources/{id}/articles, search and GraphQL. Entity and keyword ids combine with AND (articles
/// mentioning all of them); source ids and credit ids with OR (an article has one source; any credited
/// agency of the list will do).
/// </summary>
public sealed record ArticleFilter
{
    public IReadOnlyList<int> EntityIds { get; init; } = [];
    public IReadOnlyList<int> KeywordIds { get; init; } = [];
    public IReadOnlyList<int> SourceIds { get; init; } = [];

    /// <summary>Articles crediting any of these agencies (provenance).</summary>
    public IReadOnlyList<int> CreditIds { get; init; } = [];

    /// <summary>Articles with a byline of any of these person entities.</summary>
    public IReadOnlyList<int> BylineIds { get; init; } = [];

    /// <summary>Articles in any of these sections or their sub-sections.</summary>
    public IReadOnlyList<int> SectionIds { get; init; } = [];

    /// <summary>The section whose list this is (GET /sections/{id}/articles): ANDed with <see cref="SectionIds"/>.</summary>
    public int? InSectionId { get; init; }

    /// <summary>True: articles that credit an agency (taken from elsewhere); false: the publisher's own.</summary>
    public bool? IsRepublication { get; init; }
    public string? Language { get; init; }
    public DateTime? PublishedFrom { get; init; }
    public DateTime? PublishedTo { get; init; }
    public DateTime? UpdatedSince { get; init; }
    public bool Ascending { get; init; }

    /// <summary>Nothing narrows the articles (the order aside).</summary>
    public bool IsEmpty =>
        EntityIds.Count == 0 && KeywordIds.Count == 0 && SourceIds.Count == 0 && CreditIds.Count == 0
        && BylineIds.Count == 0 && SectionIds.Count == 0 && InSectionId is null
        && IsRepublication is null && Language is null && PublishedFrom is null && PublishedTo is null && UpdatedSince is null;
}

/// <summary>The query string of article lists, bound by name, parsed into an <see cref="ArticleFilter"/>.</summary>
public sealed class ArticleListParameters
{
    /// <summary>Entity id (repeatable; articles mentioning all the given entities).</summary>
    [FromQuery(Name = "entity")]
    public string[]? Entity { get; set; }

    /// <summary>Keyword id (repeatable; articles tagged with all the given keywords).</summary>
    [FromQuery(Name = "keyword")]
    public string[]? Keyword { get; set; }

    /// <summary>Source id (repeatable; articles published by any of them).</summary>
    [FromQuery(Name = "source")]
    public string[]? Source { get; set; }

    /// <summary>Credited agency id (repeatable; articles crediting any of them).</summary>
    [FromQuery(Name = "credit")]
    public string[]? Credit { get; set; }

    /// <summary>Person entity id of a byline (repeatable; articles signed by any of them).</summary>
    [FromQuery(Name = "byline")]
    public string[]? Byline { get; set; }

    /// <summary>Section id (repeatable; articles in any of them, sub-sections included).</summary>
    [FromQuery(Name = "section")]
    public string[]? Section { get; set; }

    /// <summary>true: only articles that credit an agency (republished); false: only the publisher's own.</summary>
    [FromQuery(Name = "isRepublication")]
    public string? IsRepublication { get; set; }

    /// <summary>Language tag, e.g. ar or en.</summary>
    [FromQuery(Name = "language")]
    public string? Language { get; set; }

    /// <summary>Only articles published at or after this instant (RFC 3339).</summary>
    [FromQuery(Name = "publishedFrom")]
    public string? PublishedFrom { get; set; }

    /// <summary>Only articles published before this instant (RFC 3339, exclusive).</summary>
    [FromQuery(Name = "publishedTo")]
    public string? PublishedTo { get; set; }

    /// <summary>Only articles whose stored version changed at or after this instant (RFC 3339): for syncing.</summary>
    [FromQuery(Name = "updatedSince")]
    public string? UpdatedSince { get; set; }

    /// <summary><c>-publishedAt</c> (newest first, default) or <c>publishedAt</c>.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>Page size, 1–100 (default 20).</summary>
    [FromQuery(Name = "limit")]
    public string? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    public ArticleFilter ToFilter(QueryErrors errors)
    {
        var ascending = Sort switch
        {
            null or "" or "-publishedAt" => false,
            "publishedAt" => true,
            _ => Invalid(errors),
        };
        if (Language is not null && !LanguageTag.IsValid(Language))
        {
            errors.Add("language", "must be a language tag such as ar or en");
        }

        var from = errors.Instant("publishedFrom", PublishedFrom);
        var to = errors.Instant("publishedTo", PublishedTo);
        if (from > to)
        {
            errors.Add("publishedTo", "must not be before publishedFrom");
        }

        return new ArticleFilter
        {
            EntityIds = errors.Ids("entity", Entity),
            KeywordIds = errors.Ids("keyword", Keyword),
            SourceIds = errors.Ids("source", Source),
            CreditIds = errors.Ids("credit", Credit),
            BylineIds = errors.Ids("byline", Byline),
            SectionIds = errors.Ids("section", Section),
            IsRepublication = ParseBool(errors, "isRepublication", IsRepublication),
            Language = string.IsNullOrEmpty(Language) ? null : LanguageTag.Canonical(Language),
            PublishedFrom = from,
            PublishedTo = to,
            UpdatedSince = errors.Instant("updatedSince", UpdatedSince),
            Ascending = ascending,
        };
    }

    private static bool? ParseBool(QueryErrors errors, string field, string? value)
    {
        switch (value)
        {
            case null or "":
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add(field, "must be true or false");
                return null;
        }
    }

    private static bool Invalid(QueryErrors errors)
    {
        errors.Add("sort", "must be -publishedAt or publishedAt");
        return false;
    }
}
