using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// If-Match / If-None-Match on writes, against the ETag the resource would be served with now. Callers check
/// inside the write's transaction (the writers take a precondition callback), never before it: a check
/// outside lets a concurrent write slip in between.
/// </summary>
public static class Preconditions
{
    /// <summary>True when the request carries If-Match or If-None-Match, i.e. the current representation is needed.</summary>
    public static bool Requested(HttpRequest request) => request.Headers.IfMatch.Count > 0 || request.Headers.IfNoneMatch.Count > 0;

    /// <summary>Null when the write may go ahead; a 412 problem otherwise.</summary>
    public static ProblemHttpResult? Check<T>(HttpRequest request, T? current)
        where T : class
    {
        var ifMatch = request.Headers.IfMatch;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!Requested(request))
        {
            return null;
        }

        var etag = current is null ? null : ETags.For(current);
        if (ifMatch.Count > 0 && (etag is null || !ETags.MatchesStrongly(ifMatch, etag)))
        {
            return Problems.PreconditionFailed(etag is null
                ? "If-Match was sent but the resource does not exist."
                : "The resource has changed since the ETag in If-Match; fetch it again and retry.");
        }

        if (ifNoneMatch.Count > 0 && etag is not null && ETags.Matches(ifNoneMatch, etag))
        {
            return Problems.PreconditionFailed("If-None-Match matched the current resource (it already exists).");
        }

        return null;
    }
}
