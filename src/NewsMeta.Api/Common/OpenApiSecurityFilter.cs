using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using NewsMeta.Api.Common.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common;

/// <summary>
/// Declares the API key per operation, as the service checks it: writes (the write policy) need it; reads take it
/// optionally (<c>[{}, {ApiKey: []}]</c>: anonymous, or a key, whose own rate-limit bucket and scopes apply), unless
/// <c>Auth:RequireKeyForReads</c> makes it required there too. One document-wide requirement would tell a
/// generated client, and a validating proxy, that every anonymous read is unauthorised.
/// </summary>
public sealed class OpenApiSecurityFilter(IOptions<ApiKeyOptions> options) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var keyRequired = policies.Contains(Scopes.WritePolicy) || options.Value.RequireKeyForReads;
        var apiKey = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
        };
        operation.Security = keyRequired ? [apiKey] : [new OpenApiSecurityRequirement(), apiKey];
    }
}
