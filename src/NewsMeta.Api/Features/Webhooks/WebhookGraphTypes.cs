using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Webhooks;

public sealed record WebhookPayloadResult(WebhookDto? Webhook, string? Secret, IReadOnlyList<UserError> UserErrors);

public sealed record DeleteWebhookResult(bool Deleted, IReadOnlyList<UserError> UserErrors);

public sealed class CreateWebhookInput
{
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public string? Secret { get; set; }
}

/// <summary>GraphQL over the same subscriptions as /api/v1/webhooks: the key's list with delivery logs, create and delete (write scope).</summary>
public static class WebhookFields
{
    private const int MaxDeliveries = 100;

    public static void AddWebhooks(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookGraphType>>>>("webhooks")
            .Description("This API key's webhook subscriptions (write scope; at most Webhooks:MaxSubscriptionsPerKey, default 20), oldest first.")
            .ResolveAsync(async c =>
            {
                MutationFields.RequireWriteScope(c);
                var errors = new QueryErrors();
                var page = await c.Service<WebhookSubscriptions>().ListAsync(Owner(c), 100, null, errors, c.CancellationToken);
                return page!.Items;
            });

    public static void AddWebhookMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WebhookPayloadGraphType>>("createWebhook")
            .Description("Subscribes a URL (http(s), under the server's allow-list) to article.created, article.updated and/or article.deleted; deliveries are signed with the secret (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature; and X-NewsMeta-Signature: sha256=<hex HMAC of the body>). Without a secret one is generated and returned once in the payload's secret.")
            .Argument<NonNullGraphType<CreateWebhookInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                MutationFields.RequireWriteScope(c);
                var input = c.GetArgument<CreateWebhookInput>("input");
                var errors = new QueryErrors();
                var created = await c.Service<WebhookSubscriptions>().CreateAsync(Owner(c), input.Url, input.Events, input.Secret, errors, c.CancellationToken);
                return new WebhookPayloadResult(created?.ToWebhook(), created?.Secret, UserError.From(errors.ToDictionary()));
            });
        mutation.Field<NonNullGraphType<DeleteWebhookPayloadGraphType>>("deleteWebhook")
            .Description("Deletes one of this key's subscriptions and its delivery log; pending deliveries are not sent.")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .ResolveAsync(async c =>
            {
                MutationFields.RequireWriteScope(c);
                var id = c.GetArgument<int>("id");
                var deleted = await c.Service<WebhookSubscriptions>().DeleteAsync(Owner(c), id, c.CancellationToken);
                return new DeleteWebhookResult(deleted, deleted ? [] : [new UserError("id", $"this key has no webhook subscription {id}")]);
            });
    }

    /// <summary>The calling key's stable id (RequireWriteScope has made sure there is one).</summary>
    internal static string Owner(IResolveFieldContext c) => KeyIds.Of(c.User as ClaimsPrincipal) ?? throw new InvalidOperationException("The write scope check let a caller without a key id through.");

    internal static async Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(IResolveFieldContext<WebhookDto> c)
    {
        var first = c.GetArgument("first", 20);
        if (first is < 1 or > MaxDeliveries)
        {
            throw new UserInputError("first", $"must be from 1 to {MaxDeliveries}");
        }

        var errors = new QueryErrors();
        var page = await c.Service<WebhookSubscriptions>().DeliveriesAsync(Owner(c), c.Source.Id, first, c.GetArgument<string?>("after"), errors, c.CancellationToken);
        return errors.Any ? throw new UserInputError("after", "is not a cursor of this list; start again without it") : page?.Items ?? [];
    }
}

public sealed class WebhookGraphType : ObjectGraphType<WebhookDto>
{
    public WebhookGraphType()
    {
        Name = "Webhook";
        Description = "A subscription to article events (its secret is never shown).";
        Field(w => w.Id).Description("The REST id (/api/v1/webhooks/{id}).");
        Field(w => w.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("events").Resolve(c => c.Source.Events);
        Field(w => w.CreatedAt);
        Field(w => w.Status).Description("active, or paused when Webhooks:AllowedUrls no longer admits the url or the API key that made it was revoked (its deliveries are then not sent).");
        Field(w => w.PausedReason, nullable: true).Description("Why it is paused; null when active.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookDeliveryGraphType>>>>("deliveries")
            .Description("Its deliveries, newest first.")
            .Argument<IntGraphType>("first", "How many (1–100, default 20).")
            .Argument<StringGraphType>("after", "nextCursor from GET /api/v1/webhooks/{id}/deliveries, to read further back.")
            .ResolveAsync(async c => await WebhookFields.DeliveriesAsync(c));
    }
}

public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDeliveryDto>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        Description = "One event sent (or to be sent) to a subscription.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("Sent as X-NewsMeta-Delivery.")
            .Resolve(c => c.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(d => d.Event);
        Field(d => d.ArticleId);
        Field(d => d.ExternalId);
        Field<NonNullGraphType<StringGraphType>>("status").Description("pending, delivered or failed.")
            .Resolve(c => Common.EnumNames.ToName(c.Source.Status));
        Field(d => d.Attempts);
        Field(d => d.CreatedAt);
        Field(d => d.NextAttemptAt, nullable: true);
        Field(d => d.DeliveredAt, nullable: true);
        Field(d => d.LastStatusCode, nullable: true);
        Field(d => d.LastError, nullable: true);
    }
}

public sealed class CreateWebhookInputGraphType : InputObjectGraphType<CreateWebhookInput>
{
    public CreateWebhookInputGraphType()
    {
        Name = "CreateWebhookInput";
        Field(i => i.Url).Description("http(s), under a prefix of Webhooks:AllowedUrls.");
        Field(i => i.Events, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("article.created, article.updated, article.deleted.");
        Field(i => i.Secret, nullable: true).Description("Optional, 16–200 characters; signs every delivery. whsec_ + base64 is a base64 key (as the Standard Webhooks libraries read it), anything else a raw key of its UTF-8 bytes. Left out, one is generated and returned once in the payload.");
    }
}

public sealed class WebhookPayloadGraphType : ObjectGraphType<WebhookPayloadResult>
{
    public WebhookPayloadGraphType()
    {
        Name = "CreateWebhookPayload";
        Field<WebhookGraphType>("webhook").Description("The subscription; null when userErrors is not empty.").Resolve(c => c.Source.Webhook);
        Field<StringGraphType>("secret").Description("The generated secret (whsec_ + base64 of 32 random bytes), shown only here: store it. Null when the input gave one.").Resolve(c => c.Source.Secret);
        this.UserErrorsField(p => p.UserErrors);
    }
}

public sealed class DeleteWebhookPayloadGraphType : ObjectGraphType<DeleteWebhookResult>
{
    public DeleteWebhookPayloadGraphType()
    {
        Name = "DeleteWebhookPayload";
        Field(p => p.Deleted);
        this.UserErrorsField(p => p.UserErrors);
    }
}
