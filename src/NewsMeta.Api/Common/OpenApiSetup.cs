using Microsoft.OpenApi;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.OpenApi;

namespace NewsMeta.Api.Common;

public static class OpenApiSetup
{
    /// <summary>Swagger document with XML docs, the API key in "Authorize", and camelCase enum strings.</summary>
    public static IServiceCollection AddNewsOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "NewsMeta API",
                Version = "v1",
                Description = "News metadata — articles (Arabic first), entities, keywords, sources and links between articles. "
                    + "Reads are anonymous; writes need an API key with the write scope in X-Api-Key (in Development: dev-write-key). "
                    + "Lists are cursor-paginated: pass nextCursor as cursor. Errors are RFC 9457 problem details.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "NewsMeta.Api.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml, includeControllerXmlComments: true);
            }

            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyOptions.HeaderName,
                Description = "API key. Development keys: dev-write-key (read, write), dev-read-key (read).",
            });
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<OpenApiNullableReferences>();
            o.OperationFilter<NewsOpenApiOperationFilter>();
            o.OperationFilter<OpenApiMediaTypeSchemas>();
            o.OperationFilter<OpenApiSecurityFilter>();
            o.CustomOperationIds(d => d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
        });
        // After the filters above: examples go onto the parameters and media types as they finally are.
        services.AddNewsOpenApiPresentation();
        return services;
    }
}
