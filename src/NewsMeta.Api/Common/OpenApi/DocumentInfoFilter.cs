using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// The document-level parts a reader meets first: the server, contact and license (<see cref="OpenApiDocumentOptions"/>)
/// and a description for every tag (<see cref="OpenApiTagDescriptions"/>).
/// </summary>
public sealed class DocumentInfoFilter(IOptions<OpenApiDocumentOptions> options) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        // "/" is what a document without servers means anyway (OpenAPI 3.0, 4.8.1), said explicitly: paths are
        // relative to wherever the document is served, so Swagger UI calls the instance it was loaded from, the
        // `openapi` command prints the same document, and a generated client (Kiota) takes its base URL from the
        // partner rather than from a host name baked in here.
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "This NewsMeta instance: the origin that serves this document." }];
        var o = options.Value;
        swaggerDoc.Info ??= new OpenApiInfo();
        swaggerDoc.Info.Contact = new OpenApiContact { Name = o.ContactName, Email = o.ContactEmail, Url = o.ContactUrl };
        swaggerDoc.Info.License = new OpenApiLicense { Name = o.LicenseName, Url = o.LicenseUrl };
        foreach (var tag in swaggerDoc.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && OpenApiTagDescriptions.ByTag.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }
}
