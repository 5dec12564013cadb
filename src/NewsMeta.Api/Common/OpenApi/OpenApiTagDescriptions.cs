namespace NewsMeta.Api.Common.OpenApi;

/// <summary>What each tag (one per feature's route group, <c>WithTags</c>) groups, as Swagger UI and Redoc show it above its operations.</summary>
public static class OpenApiTagDescriptions
{
    public static IReadOnlyDictionary<string, string> ByTag { get; } = new Dictionary<string, string>
    {
        ["Articles"] = "News articles (Arabic first, any language): lists with filters and facets, single articles in JSON, JSON-LD or ninjs, their links to other articles, and the writes: upsert by the publisher's externalId, delete, NDJSON import and export, and the import of a scraped news page.",
        ["Changes"] = "The change feed: every created, updated and deleted article in the order they were stored, for partners who keep a copy in sync.",
        ["Entities"] = "Named entities (people, organisations, places, events) the articles mention: the catalogue with aliases and article counts, the articles naming one, the entities named together, and the catalogue edits (create, rename, alias, merge).",
        ["Keywords"] = "Keywords: the publisher's tags and the ones extracted from the text, by article count, and the articles carrying one.",
        ["Search"] = "Arabic-aware full-text search over titles and bodies (hamza, alef maqsura, ta marbuta and clitics folded), with the article-list filters, a relevance score and highlighted snippets.",
        ["Sections"] = "The publishers' section tree (one per store, levels matched by normalised name), with the articles in each section and below it.",
        ["Sources"] = "Publishers and the agencies they credit, by article count, with the articles each published or was credited on.",
        ["Webhooks"] = "Subscriptions of an API key to article events (created, updated, deleted), delivered as signed JSON POSTs with retries, and the log of each subscription's deliveries.",
    };
}
