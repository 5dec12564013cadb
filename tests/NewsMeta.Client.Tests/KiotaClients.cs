using System.Net;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Client.Generated;

namespace NewsMeta.Client.Tests;

/// <summary>
/// The generated client as a partner would set it up: Kiota's default middleware (retry, redirect, headers
/// inspection …) in front of the test server's handler, and the API key through Kiota's API key provider.
/// </summary>
public sealed class KiotaClient
{
    private KiotaClient(NewsMetaClient api, StatusRecorder statuses)
    {
        Api = api;
        Statuses = statuses;
    }

    public NewsMetaClient Api { get; }

    /// <summary>The HTTP status of the last response (Kiota hands back only the model).</summary>
    public StatusRecorder Statuses { get; }

    public static KiotaClient For(NewsMetaFactory factory, string? apiKey = null)
    {
        var statuses = new StatusRecorder();
        var handlers = KiotaClientFactory.CreateDefaultHandlers().Append(statuses).ToArray();
        var http = factory.CreateDefaultClient(new Uri("https://localhost"), handlers);
        IAuthenticationProvider auth = apiKey is null
            ? new AnonymousAuthenticationProvider()
            : new ApiKeyAuthenticationProvider(apiKey, "X-Api-Key", ApiKeyAuthenticationProvider.KeyLocation.Header, "localhost");
        // The document has no servers entry (it is served from wherever the API runs): the base URL is the partner's to set.
        // https, because Kiota's API key provider refuses to send a key over plain HTTP (the test server needs no TLS).
        var adapter = new HttpClientRequestAdapter(auth, httpClient: http) { BaseUrl = "https://localhost" };
        return new KiotaClient(new NewsMetaClient(adapter), statuses);
    }

    /// <summary>The messages of one field of a validation problem's <c>errors</c> map.</summary>
    public static IReadOnlyList<string> Messages(IDictionary<string, object>? errors, string field)
    {
        Assert.NotNull(errors);
        Assert.True(errors.ContainsKey(field), $"no errors for '{field}' in: {string.Join(", ", errors.Keys)}");
        var messages = Assert.IsType<UntypedArray>(errors[field]);
        return messages.GetValue().Select(m => Assert.IsType<UntypedString>(m).GetValue() ?? "").ToList();
    }
}

public sealed class StatusRecorder : DelegatingHandler
{
    public HttpStatusCode? Last { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Last = response.StatusCode;
        return response;
    }
}
