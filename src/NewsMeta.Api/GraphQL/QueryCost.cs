using GraphQL.Validation.Complexity;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// Depth and cost limits, checked before execution. The analyser itself only measures; this delegate
/// compares with the configured limits so the error can carry the numbers, and remembers the cost of
/// accepted queries (reported in the response extensions, and usable for rate limiting).
/// </summary>
public static class QueryCost
{
    public const string UserContextKey = "queryCost";

    /// <summary>UserContext entry holding a <c>Func&lt;double, ValueTask&lt;RateDecision?&gt;&gt;</c> that charges an accepted cost to the caller's rate budget.</summary>
    public const string ChargeKey = "chargeCost";

    public const string RateLimitedCode = "RATE_LIMITED";

    public static void Configure(ComplexityOptions options, GraphQLOptions limits)
    {
        options.MaxDepth = null;
        options.MaxComplexity = null;

        // Introspection (__schema, __type, __typename and the fields of the __ types) is answered from the
        // schema in memory, so it costs nothing: the IDE's and code generators' introspection queries list every
        // type's fields and arguments and would otherwise count as hundreds of thousands. Depth still applies.
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
            context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 1)
                : standard(context);
        options.ValidateComplexityDelegate = async context =>
        {
            var cost = Math.Round(context.TotalImpact);
            if (context.MaxDepth > limits.MaxDepth)
            {
                context.Error = new QueryLimitError("QUERY_TOO_DEEP",
                    $"The query is {context.MaxDepth} levels deep; at most {limits.MaxDepth} are allowed.", cost, context.MaxDepth, limits);
            }
            else if (cost > limits.MaxComplexity)
            {
                context.Error = new QueryLimitError("QUERY_TOO_COMPLEX",
                    $"The query would cost {cost}; at most {limits.MaxComplexity} is allowed. Ask for smaller pages (first/last) or fewer nested lists.", cost, context.MaxDepth, limits);
            }
            else if (context.ValidationContext.UserContext.TryGetValue(ChargeKey, out var charge)
                && charge is Func<double, ValueTask<Common.RateLimiting.RateDecision?>> chargeCost
                && await chargeCost(cost) is { Allowed: false } denied)
            {
                // Charged before anything runs: an expensive query spends the caller's budget, not the database's time.
                context.Error = new QueryLimitError(RateLimitedCode,
                    $"This query costs {cost}, more than is left of this caller's budget ({denied.Remaining} of {denied.Limit} a minute; GraphQL is charged by cost). Retry after {Math.Max(1, Math.Ceiling(denied.RetryAfter.TotalSeconds))} s.",
                    cost, context.MaxDepth, limits);
            }
            else
            {
                context.Error = null;
                context.ValidationContext.UserContext[UserContextKey] = cost;
            }
        };
    }
}
