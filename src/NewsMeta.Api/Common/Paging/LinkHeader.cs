using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace NewsMeta.Api.Common.Paging;

/// <summary>Adds <c>Link: &lt;…&gt;; rel="next"</c> for a page that has a next page.</summary>
public static class LinkHeader
{
    public static void AddNext(HttpContext context, string? nextCursor)
    {
        if (nextCursor is null)
        {
            return;
        }

        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != "cursor")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", nextCursor));
        var url = UriHelper.BuildRelative(request.PathBase, request.Path, QueryString.Create(query));
        context.Response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
    }
}
