using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.GraphQL.PersistedQueries;

namespace NewsMeta.Api.GraphQL.Http;

/// <summary>The outcome of one operation: the result, and the HTTP status it calls for (when alone).</summary>
public sealed record OperationOutcome(ExecutionResult Result, int Status, bool IsQuery)
{
    public static OperationOutcome Error(int status, string code, string message) =>
        new(new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }], Executed = false }, status, false);
}

/// <summary>
/// Runs one GraphQL request: persisted-query lookup, one parse and one operation selection (shared with
/// the executor), the GET-is-for-queries rule, the API-key rule (mutations need write; reads need read
/// when configured), then validation, limits and execution; a persisted query is registered only after that.
/// </summary>
public sealed class OperationRunner(
    IDocumentExecuter<ISchema> executer,
    PersistedQueryStore persisted,
    IAuthorizationService authorization,
    IOptions<GraphQLOptions> options,
    Data.DatabaseRoute route,
    Common.RateLimiting.RequestBudget budget,
    DocumentCache.ValidatedDocumentCache documents)
{
    public async Task<OperationOutcome> RunAsync(HttpContext http, GraphQLRequest request, bool isGet, bool strictStatus)
    {
        var ct = http.RequestAborted;
        var limits = options.Value;
        // With application/json the spec wants 200 for every well-formed request; graphql-response+json uses 4xx.
        var requestError = strictStatus ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

        var (query, apqError) = await ResolvePersistedAsync(request, ct);
        if (apqError is not null)
        {
            return apqError;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return OperationOutcome.Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "The request has no query.");
        }

        if (query.Length > limits.MaxQueryLength)
        {
            return OperationOutcome.Error(StatusCodes.Status400BadRequest, "QUERY_TOO_LONG", $"The query is longer than {limits.MaxQueryLength} characters.");
        }

        GraphQLDocument document;
        GraphQLOperationDefinition operation;
        var cached = documents.Find(query, request.OperationName);
        try
        {
            document = cached ?? Parser.Parse(query);
            // The executor selects with the same method on this same document, so what runs is what is checked here.
            operation = OperationSelector.Select(document, request.OperationName);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return OperationOutcome.Error(requestError, "SYNTAX_ERROR", ex.Message);
        }
        catch (DocumentError ex)
        {
            return new OperationOutcome(new ExecutionResult { Errors = [ex], Executed = false }, requestError, false);
        }

        var isMutation = operation.Operation is OperationType.Mutation or OperationType.Subscription;
        if (isGet && isMutation)
        {
            http.Response.Headers.Allow = "POST";
            return OperationOutcome.Error(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Mutations must be sent with POST; GET is only for queries.");
        }

        if (await AuthorizeAsync(http, isMutation) is { } denied)
        {
            return denied;
        }

        // Queries read from the replica (when one is configured); mutations and their payloads use the primary.
        route.UseReplica = !isMutation;
        // A query text sent with its hash is registered once it has passed validation, the limits and the
        // rate budget, which a new registration draws on more than a plain request (it is a database write).
        var registration = PersistedHash(request) is { } hash && request.Query is not null && !persisted.IsKnown(hash) ? hash : null;
        var extraPermits = registration is null ? 0 : limits.PersistedQueryRegistrationPermits;
        var userContext = new Dictionary<string, object?>
        {
            [QueryCost.ChargeKey] = (Func<double, ValueTask<Common.RateLimiting.RateDecision?>>)(cost => budget.ChargeCostAsync(http, cost, extraPermits)),
        };
        if (cached is not null)
        {
            userContext[DocumentCache.ValidatedDocumentCache.HitKey] = true;
        }

        // Cached GET answers are keyed by the article data's generation; webhook subscriptions and their
        // delivery log change without it, so an operation that reads them is never stored.
        if (OperationShape.Selects(document, operation, "webhooks")
            && http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = userContext,
            CancellationToken = ct,
        });
        if (cached is null && result.Executed)
        {
            // Executed means it passed validation: the next request with this text skips parsing and the standard rules.
            documents.Add(query, request.OperationName, document);
        }

        if (registration is not null && result.Executed)
        {
            try
            {
                await persisted.SaveAsync(registration, query, ct);
            }
            catch (Exception ex) when (Data.DbErrors.IsUnavailable(ex))
            {
                // The answer stands (it may have come from the replica); the client registers the text again next time.
            }
        }

        if (userContext.TryGetValue(QueryCost.UserContextKey, out var cost))
        {
            result.Extensions ??= [];
            result.Extensions["cost"] = new Dictionary<string, object?> { ["requested"] = cost, ["maximum"] = limits.MaxComplexity };
        }

        var status = result.Errors?.Any(e => Data.DbErrors.IsUnavailable(e.InnerException)) == true ? StatusCodes.Status503ServiceUnavailable
            : result.Executed ? StatusCodes.Status200OK
            : result.Errors?.Any(e => e.Code == QueryCost.RateLimitedCode) == true ? StatusCodes.Status429TooManyRequests
            : requestError;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // The database did not answer: say so (clients retry on 503), not "200 with an error".
            http.Response.Headers.RetryAfter = Common.Http.NewsExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new OperationOutcome(result, status, !isMutation);
    }

    /// <summary>Automatic persisted queries: a hash alone looks the text up; a hash with text must match it.</summary>
    private async Task<(string? Query, OperationOutcome? Error)> ResolvePersistedAsync(GraphQLRequest request, CancellationToken ct)
    {
        if (request.Extensions?.TryGetValue("persistedQuery", out var value) != true)
        {
            return (request.Query, null);
        }

        var hash = PersistedHash(request);
        if (hash is null || !PersistedQueryStore.IsHash(hash))
        {
            return (null, OperationOutcome.Error(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_INVALID",
                "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<64 hex digits>\"}."));
        }

        if (request.Query is null)
        {
            var stored = await persisted.FindAsync(hash, ct);
            // 200, not 404: clients (Apollo, urql) read this code and resend the query text with the hash.
            return stored is null
                ? (null, OperationOutcome.Error(StatusCodes.Status200OK, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"))
                : (stored, null);
        }

        return PersistedQueryStore.HashOf(request.Query) == hash.ToLowerInvariant()
            ? (request.Query, null)
            : (null, OperationOutcome.Error(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_HASH_MISMATCH", "sha256Hash is not the SHA-256 of the query."));
    }

    private static string? PersistedHash(GraphQLRequest request) =>
        request.Extensions?.TryGetValue("persistedQuery", out var value) == true
        && value is IDictionary<string, object?> pq
        && pq.TryGetValue("version", out var version) && Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture) == "1"
        && pq.TryGetValue("sha256Hash", out var hash) && hash is string text
            ? text
            : null;

    private async Task<OperationOutcome?> AuthorizeAsync(HttpContext http, bool isMutation)
    {
        var authentication = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (authentication.Failure is not null)
        {
            return Unauthenticated(http, "The API key in X-Api-Key is not valid.");
        }

        var policy = isMutation ? Scopes.WritePolicy : Scopes.ReadPolicy;
        if ((await authorization.AuthorizeAsync(http.User, policy)).Succeeded)
        {
            return null;
        }

        return http.User.Identity?.IsAuthenticated == true
            ? OperationOutcome.Error(StatusCodes.Status403Forbidden, "FORBIDDEN", $"The API key does not have the {policy} scope this operation needs.")
            : Unauthenticated(http, $"This operation needs an API key with the {policy} scope in the X-Api-Key header.");
    }

    private static OperationOutcome Unauthenticated(HttpContext http, string message)
    {
        http.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyOptions.HeaderName}\"";
        return OperationOutcome.Error(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", message);
    }
}
