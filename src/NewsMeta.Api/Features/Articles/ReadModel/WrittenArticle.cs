using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>An article as a write answers with it: its stored document's bytes and ETag, as GET sends them.</summary>
public sealed record WrittenArticle(int Id, byte[] Body, string ETag);

/// <summary>
/// A PUT's answer: 201 with its Location when the write created the article, else 200; the stored document
/// sent as it is, with its ETag. It was rendered in the write's transaction, so the answer costs one read of
/// the stored bytes instead of computing the article again and hashing it.
/// </summary>
public sealed class ArticleWrittenResult(WrittenArticle article, bool created) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => created ? StatusCodes.Status201Created : StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode!.Value;
        if (created)
        {
            response.Headers.Location = $"/api/v1/articles/{article.Id}";
        }

        response.Headers.ETag = article.ETag;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = article.Body.Length;
        return response.Body.WriteAsync(article.Body).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(ArticleDto), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ArticleDto), ["application/json"]));
    }
}
