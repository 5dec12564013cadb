using GraphQL.Validation.Complexity;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// The cost limit, checked before execution. The analyser itself only measures; this delegate
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

        // Introspection is costed by the size of this schema (see IntrospectionCost), not for free: aliased
        // copies of __schema would otherwise make multi-megabyte answers at no cost.
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context => IntrospectionCost.Applies(context) ? IntrospectionCost.Of(context) : standard(context);
        options.ValidateComplexityDelegate = async context =>
        {
            // Depth, aliases and fields are checked earlier, by OperationLimitsRule.
            var cost = Math.Round(context.TotalImpact);
            if (cost > limits.MaxComplexity)
            {
                context.Error = new QueryLimitError("QUERY_TOO_COMPLEX",
                    $"The query would cost {cost}; at most {limits.MaxComplexity} is allowed. Ask for smaller pages (first/last) or fewer nested lists.", Measures(cost, limits));
            }
            else if (context.ValidationContext.UserContext.TryGetValue(ChargeKey, out var charge)
                && charge is Func<double, ValueTask<Common.RateLimiting.RateDecision?>> chargeCost
                && await chargeCost(cost) is { Allowed: false } denied)
            {
                // Charged before anything runs: an expensive query spends the caller's budget, not the database's time.
                context.Error = new QueryLimitError(RateLimitedCode,
                    $"This query costs {cost}, more than is left of this caller's budget ({denied.Remaining} of {denied.Limit} a minute; GraphQL is charged by cost, and registering a persisted query adds to it). Retry after {Math.Max(1, Math.Ceiling(denied.RetryAfter.TotalSeconds))} s.",
                    Measures(cost, limits));
            }
            else
            {
                context.Error = null;
                context.ValidationContext.UserContext[UserContextKey] = cost;
            }
        };
    }

    private static Dictionary<string, object> Measures(double cost, GraphQLOptions limits) =>
        new() { ["cost"] = cost, ["maxCost"] = limits.MaxComplexity };
}
