using Microsoft.Net.Http.Headers;

namespace NewsMeta.Api.Features.Articles.Formats;

/// <summary>The representations an article (or a list of them) can be asked for.</summary>
public enum ArticleFormat
{
    Json,

    /// <summary>schema.org NewsArticle as JSON-LD.</summary>
    JsonLd,

    /// <summary>IPTC ninjs 2.1.</summary>
    Ninjs,
}

/// <summary>Picks the representation from the Accept header: the highest-quality type we serve; JSON otherwise.</summary>
public static class ArticleMediaTypes
{
    public const string JsonLd = "application/ld+json";
    public const string Ninjs = "application/vnd.iptc.ninjs+json";

    public static ArticleFormat Negotiate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return ArticleFormat.Json;
        }

        foreach (var type in accepted.OrderByDescending(a => a.Quality ?? 1.0))
        {
            if (type.Quality == 0)
            {
                continue;
            }

            var name = type.MediaType.Value;
            if (string.Equals(name, JsonLd, StringComparison.OrdinalIgnoreCase))
            {
                return ArticleFormat.JsonLd;
            }

            if (string.Equals(name, Ninjs, StringComparison.OrdinalIgnoreCase))
            {
                return ArticleFormat.Ninjs;
            }

            if (name is "application/json" or "*/*" or "application/*")
            {
                return ArticleFormat.Json;
            }
        }

        return ArticleFormat.Json;
    }

    public static string ContentType(ArticleFormat format) => format switch
    {
        ArticleFormat.JsonLd => JsonLd,
        ArticleFormat.Ninjs => Ninjs,
        _ => "application/json",
    };
}
