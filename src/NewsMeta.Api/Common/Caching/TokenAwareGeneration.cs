using NewsMeta.Api.Data;
using NewsMeta.Api.Data.Consistency;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// The generation an in-process cached read is keyed by, for a read that may carry a read-your-writes token
/// (<see cref="ReadYourWrites"/>). Without one it is <see cref="IDataGeneration"/>'s value. With one whose
/// generation this instance has not learned yet (another instance wrote, and PostgreSQL's notification has not
/// arrived), the generation row is read from the copy serving the request, which <see cref="ReadYourWrites"/>
/// has made one at least as new as the token: so an answer cached before that write is never served to its author.
/// <para>
/// Generations are random, not ordered, so "not learned yet" is "not equal": a reader whose instance has
/// already moved past the token's generation pays that one row read too.
/// </para>
/// </summary>
internal static class TokenAwareGeneration
{
    public static async ValueTask<KeyValuePair<string, string>> ValueAsync(HttpContext context, CancellationToken ct)
    {
        var services = context.RequestServices;
        var current = await services.GetRequiredService<IDataGeneration>().CurrentAsync(services, ct);
        if (context.Features.Get<ConsistencyToken>() is { } token && token.Generation != current)
        {
            current = await DatabaseGeneration.ReadAsync(services.GetRequiredService<NewsDbContext>(), ct);
        }

        return new KeyValuePair<string, string>("generation", current);
    }
}
