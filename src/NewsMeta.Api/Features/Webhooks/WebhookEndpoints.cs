using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>/api/v1/webhooks: a write key's subscriptions to article events, and their delivery log.</summary>
public static class WebhookEndpoints
{
    private const string Signing = "Each delivery is a JSON POST {event, articleId, externalId, occurredAt, subscriptionId} with headers X-NewsMeta-Event, X-NewsMeta-Delivery (the delivery id: drop repeats), "
        + "the Standard Webhooks headers webhook-id (the delivery id), webhook-timestamp (Unix seconds of this attempt) and webhook-signature: v1,<base64 HMAC-SHA256 of \"id.timestamp.body\">, "
        + "and, for older receivers, X-NewsMeta-Signature: sha256=<lowercase hex HMAC-SHA256 of the body bytes, keyed with the secret's UTF-8 bytes> (it signs neither the id nor the time, so it can be replayed: prefer webhook-signature). "
        + "The secret is optional: left out, the answer's secret is a generated whsec_<base64 of 32 bytes>, shown only there; verify with a Standard Webhooks library given that string (e.g. C# StandardWebhooks: new StandardWebhook(secret); npm standardwebhooks: new Webhook(secret)). "
        + "A given secret starting with whsec_ is read the same way (base64 after the prefix; not base64 is a 400). Any other given secret keys webhook-signature with its UTF-8 bytes: pass those as a raw key "
        + "(C#: new StandardWebhook(Encoding.UTF8.GetBytes(secret)); npm standardwebhooks: new Webhook(new TextEncoder().encode(secret), {format: \"raw\"}); a plain string with {format: \"raw\"} is right for ASCII secrets only). The libraries refuse a timestamp more than 5 minutes from now; also drop a webhook-id seen before.";

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Scopes.WritePolicy);
        group.MapPost("/", Create).WithName("createWebhook")
            .WithSummary("Subscribe to article events")
            .WithDescription("Body {\"url\", \"events\": [\"article.created\" | \"article.updated\" | \"article.deleted\"], \"secret\"}. The url must be http(s) under a prefix of the server's allow-list (Webhooks:AllowedUrls), else 400. " + Signing + " A 2xx answer is a delivery; anything else is retried with exponential backoff (Webhooks:MaxAttempts, default 8). Deliveries are stored with the change itself, so none is lost to a restart, and each is sent by one instance only.")
            .Accepts<WebhookRequest>("application/json")
            .Produces<CreatedWebhookDto>(StatusCodes.Status201Created)
            .WithKeyProblems()
            .ProducesValidationProblem()
            .WithExamples(WebhookExamples.Create);
        group.MapGet("/", List).WithName("listWebhooks")
            .WithSummary("This key's subscriptions")
            .WithDescription("Subscriptions made with the calling API key, oldest first (other keys' are never shown). Paged with limit and cursor.")
            .WithKeyProblems()
            .ProducesValidationProblem()
            .WithExamples(WebhookExamples.List);
        group.MapGet("/{id:int}", Get).WithName("getWebhook")
            .WithSummary("One subscription")
            .WithDescription("404 when the calling key has no subscription with this id.")
            .WithKeyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(WebhookExamples.Get);
        group.MapDelete("/{id:int}", Delete).WithName("deleteWebhook")
            .WithSummary("Unsubscribe")
            .WithDescription("Deletes the subscription and its delivery log; pending deliveries are not sent.")
            .WithKeyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(WebhookExamples.Delete);
        group.MapGet("/{id:int}/deliveries", Deliveries).WithName("listWebhookDeliveries")
            .WithSummary("A subscription's deliveries, newest first")
            .WithDescription("Each with its status (pending, delivered, failed), attempts, the receiver's last status code or error, and the next attempt's time.")
            .WithKeyProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(WebhookExamples.Deliveries);
        return app;
    }

    private static RouteHandlerBuilder WithKeyProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Subscriptions belong to the API key that made them, by its stable id (the write policy admits no anonymous caller).</summary>
    private static string Owner(ClaimsPrincipal user) => KeyIds.Of(user) ?? throw new InvalidOperationException("The write policy let a caller without a key id through.");

    private static async Task<Results<Created<CreatedWebhookDto>, ValidationProblem>> Create(
        HttpRequest request, ClaimsPrincipal user, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        var (body, bodyErrors) = await JsonBody.ReadAsync<WebhookRequest>(request, ct);
        if (body is null)
        {
            return Problems.Invalid(bodyErrors!);
        }

        var errors = new QueryErrors();
        var created = await subscriptions.CreateAsync(Owner(user), body.Url, body.Events, body.Secret, errors, ct);
        return created is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/webhooks/{created.Id}", created);
    }

    /// <param name="limit">Items per page, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="user"></param>
    /// <param name="subscriptions"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<Page<WebhookDto>>, ValidationProblem, ProblemHttpResult>> List(
        [FromQuery] string? limit, [FromQuery] string? cursor, ClaimsPrincipal user, WebhookSubscriptions subscriptions, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var size = PageLimits.Parse(limit, errors);
        return await PagedResults.RespondAsync(errors, () => subscriptions.ListAsync(Owner(user), size, cursor, errors, ct), context);
    }

    /// <param name="id">The subscription's id.</param>
    /// <param name="user"></param>
    /// <param name="subscriptions"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> Get(int id, ClaimsPrincipal user, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.GetAsync(Owner(user), id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound($"This key has no webhook subscription {id}.");

    /// <param name="id">The subscription's id.</param>
    /// <param name="user"></param>
    /// <param name="subscriptions"></param>
    /// <param name="ct"></param>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, ClaimsPrincipal user, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.DeleteAsync(Owner(user), id, ct) ? TypedResults.NoContent() : Problems.NotFound($"This key has no webhook subscription {id}.");

    /// <param name="id">The subscription's id.</param>
    /// <param name="limit">Items per page, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="user"></param>
    /// <param name="subscriptions"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<Page<WebhookDeliveryDto>>, ValidationProblem, ProblemHttpResult>> Deliveries(
        int id, [FromQuery] string? limit, [FromQuery] string? cursor, ClaimsPrincipal user, WebhookSubscriptions subscriptions, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var size = PageLimits.Parse(limit, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var page = await subscriptions.DeliveriesAsync(Owner(user), id, size, cursor, errors, ct);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return page is null ? Problems.NotFound($"This key has no webhook subscription {id}.") : await PagedResults.RespondAsync(errors, () => Task.FromResult<Page<WebhookDeliveryDto>?>(page), context);
    }
}
