using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;

namespace NewsMeta.Api.Common.Auth;

public static class AuthServiceCollectionExtensions
{
    private static readonly AuthorizationPolicy ReadScope =
        new AuthorizationPolicyBuilder().RequireClaim(Scopes.ClaimType, Scopes.Read, Scopes.Write, Scopes.Admin).Build();

    /// <summary>API-key authentication and the read/write policies. Reads are anonymous unless Auth:RequireKeyForReads.</summary>
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddSettings<ApiKeyOptions>(ApiKeyOptions.Section);
        services.AddScoped<ApiKeyStore>().AddMemoryCache();
        // AddAuthenticationCore, not AddAuthentication: the latter also registers Data Protection, whose key ring
        // is created (and written unencrypted to ~/.aspnet, with a warning) at every fresh start. API keys need no
        // Data Protection (nothing here encrypts a cookie or a token), so the service registers none at all.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o =>
        {
            o.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
            o.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        });
        services.AddOptions<AuthenticationSchemeOptions>(ApiKeyAuthenticationHandler.SchemeName);
        services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.WritePolicy, p => p.RequireClaim(Scopes.ClaimType, Scopes.Write, Scopes.Admin));
        // The read policy depends on a setting, so it is added from the bound (and validated) options.
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<ApiKeyOptions>>((authorization, keys) =>
        {
            authorization.AddPolicy(Scopes.ReadPolicy, p =>
            {
                if (keys.Value.RequireKeyForReads)
                {
                    p.Combine(ReadScope);
                }
                else
                {
                    p.RequireAssertion(_ => true);
                }
            });
            if (keys.Value.RequireKeyForReads)
            {
                // Every endpoint without a policy of its own needs the read scope, so a new read route cannot be
                // left open by forgetting it; what is public (health, documentation, the IDE) says AllowAnonymous.
                authorization.FallbackPolicy = ReadScope;
            }
        });
        return services;
    }
}
