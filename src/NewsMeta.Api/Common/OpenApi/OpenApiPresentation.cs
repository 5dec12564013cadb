namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// What the document shows a newcomer beyond the endpoints themselves: server, contact, license, tag descriptions
/// and examples for every operation and parameter (Redocly's recommended rules pass on it: .ci/openapi-lint.sh).
/// </summary>
public static class OpenApiPresentation
{
    public static IServiceCollection AddNewsOpenApiPresentation(this IServiceCollection services)
    {
        services.AddOptions<OpenApiDocumentOptions>().BindConfiguration(OpenApiDocumentOptions.Section);
        services.ConfigureSwaggerGen(o =>
        {
            o.DocumentFilter<DocumentInfoFilter>();
            o.OperationFilter<ExamplesOperationFilter>();
        });
        return services;
    }
}
