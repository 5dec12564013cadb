namespace NewsMeta.Api.Features.Webhooks;

/// <summary>The events a subscription can ask for.</summary>
public static class WebhookEvents
{
    public const string Created = "article.created";
    public const string Updated = "article.updated";
    public const string Deleted = "article.deleted";

    public static IReadOnlyList<string> All { get; } = [Created, Updated, Deleted];

    public static IReadOnlyList<string> Split(string events) => events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>An article change that subscribers may be told about.</summary>
public sealed record ArticleEvent(string Event, int ArticleId, string ExternalId);
