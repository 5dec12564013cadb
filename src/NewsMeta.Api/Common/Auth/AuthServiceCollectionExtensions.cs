using Microsoft.AspNetCore.Authorization;

namespace NewsMeta.Api.Common.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>API-key authentication and the read/write policies. Reads are anonymous unless Auth:RequireKeyForReads.</summary>
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiKeyOptions>(configuration.GetSection(ApiKeyOptions.Section));
        services.AddScoped<ApiKeyStore>().AddMemoryCache();
        var requireKeyForReads = configuration.GetValue<bool>($"{ApiKeyOptions.Section}:{nameof(ApiKeyOptions.RequireKeyForReads)}");
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var readScope = new AuthorizationPolicyBuilder().RequireClaim(Scopes.ClaimType, Scopes.Read, Scopes.Write, Scopes.Admin).Build();
        var builder = services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.WritePolicy, p => p.RequireClaim(Scopes.ClaimType, Scopes.Write, Scopes.Admin))
            .AddPolicy(Scopes.ReadPolicy, p =>
            {
                if (requireKeyForReads)
                {
                    p.Combine(readScope);
                }
                else
                {
                    p.RequireAssertion(_ => true);
                }
            });
        if (requireKeyForReads)
        {
            // Every endpoint without a policy of its own needs the read scope, so a new read route cannot be
            // left open by forgetting it; what is public (health, documentation, the IDE) says AllowAnonymous.
            builder.SetFallbackPolicy(readScope);
        }

        return services;
    }
}
