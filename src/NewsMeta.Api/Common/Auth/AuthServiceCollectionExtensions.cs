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
        services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.WritePolicy, p => p.RequireClaim(Scopes.ClaimType, Scopes.Write, Scopes.Admin))
            .AddPolicy(Scopes.ReadPolicy, p =>
            {
                if (requireKeyForReads)
                {
                    p.RequireClaim(Scopes.ClaimType, Scopes.Read, Scopes.Write, Scopes.Admin);
                }
                else
                {
                    p.RequireAssertion(_ => true);
                }
            });
        return services;
    }
}
