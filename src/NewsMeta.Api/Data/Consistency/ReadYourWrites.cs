namespace NewsMeta.Api.Data.Consistency;

/// <summary>
/// Read-your-writes across database copies (API contract, "Common rules"). A successful write answers with
/// <see cref="ConsistencyToken.Header"/>; a read that sends it back is served by the replica only once the
/// replica has replayed the write's WAL position (<see cref="ReplicaProgress"/>), else by the primary
/// (<see cref="DatabaseRoute.PrimaryRequired"/>). Runs before the response cache, which then keys the read by
/// a generation at least as new as the token's (<see cref="Common.Caching.TokenAwareGeneration"/>).
/// <para>
/// A token that is not one NewsMeta wrote is refused with a 400 problem rather than ignored: ignoring it would
/// quietly drop the guarantee the client asked for.
/// </para>
/// </summary>
public sealed class ReadYourWrites(RequestDelegate next, ILogger<ReadYourWrites> log)
{
    public async Task InvokeAsync(HttpContext context, DatabaseRoute route, ReplicaProgress replica)
    {
        var sent = context.Request.Headers[ConsistencyToken.Header];
        if (sent.Count > 0)
        {
            if (sent.Count > 1 || !ConsistencyToken.TryParse(sent[0], out var token))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Invalid consistency token",
                    detail: $"{ConsistencyToken.Header} must be one token exactly as a NewsMeta write answered it (send the newest one).")
                    .ExecuteAsync(context);
                return;
            }

            context.Features.Set(token!);
            // No position (a SQLite token, or the request reached an instance on another setup): only the primary is sure.
            route.PrimaryRequired = token!.Lsn is not { } lsn || !await replica.HasReplayedAsync(lsn, context.RequestAborted);
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.OnStarting(() => AnswerWithTokenAsync(context, route));
        }

        await next(context);
    }

    /// <summary>After a successful write (the response starts once it has committed): the primary's position now.</summary>
    private async Task AnswerWithTokenAsync(HttpContext context, DatabaseRoute route)
    {
        if (context.Response.StatusCode is < 200 or > 299 || route.IsRead || context.Features.Get<Common.Caching.ServedFromCache>() is not null)
        {
            return; // a failed write changed nothing; a GraphQL query sent by POST is a read, run or cached
        }

        try
        {
            var primary = context.RequestServices.GetRequiredService<PrimaryNewsDb>();
            var token = await WritePosition.ReadAsync(primary.Context, context.RequestAborted);
            context.Response.Headers[ConsistencyToken.Header] = token.ToString();
        }
        catch (Exception ex) when (DbErrors.IsUnavailable(ex) || ex is OperationCanceledException)
        {
            // The write stands; without a token its author reads with the replica's usual lag.
            log.LogWarning(ex, "Could not read the primary's position for {Header}", ConsistencyToken.Header);
        }
    }
}
