using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace NewsMeta.Api.GraphQL.Ui;

/// <summary>
/// Serves the GraphQL IDE (GraphiQL) at /graphql/ui. src/graphiql bundles it into GraphQL/Ui/assets, which the
/// project embeds in the assembly: it works offline and in the container, with no CDN and no files to deploy.
/// </summary>
public static class GraphQLIde
{
    public const string Path = "/graphql/ui";
    private const string ResourcePrefix = "graphql-ui/";
    private const string Page = "index.html";

    /// <summary>Every other file has a content hash in its name, so a browser may keep it for good.</summary>
    private const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>The page names the current hashed files, so the browser must ask again each time (an ETag makes that cheap).</summary>
    private const string Revalidate = "no-cache";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The page changes only with the assembly, so the assembly's identity tags it.</summary>
    private static readonly EntityTagHeaderValue PageTag = new($"\"{typeof(GraphQLIde).Assembly.ManifestModule.ModuleVersionId:N}\"");

    public static WebApplication MapGraphQLIde(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http) => Serve(http, Page)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(Path + "/{file}", (HttpContext http, string file) => Serve(http, file)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (typeof(GraphQLIde).Assembly.GetManifestResourceStream(ResourcePrefix + file) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = file == Page ? Revalidate : Immutable;
        return TypedResults.Stream(stream, ContentType(file), entityTag: file == Page ? PageTag : null);
    }

    private static string ContentType(string file)
    {
        var type = ContentTypes.TryGetContentType(file, out var known) ? known : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type;
    }
}
