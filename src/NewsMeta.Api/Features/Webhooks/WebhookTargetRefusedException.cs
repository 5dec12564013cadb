namespace NewsMeta.Api.Features.Webhooks;

/// <summary>Thrown by the connect callback when a receiver's host resolves only to addresses a webhook must not reach.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
