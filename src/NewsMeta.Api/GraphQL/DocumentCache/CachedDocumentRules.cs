using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;

namespace NewsMeta.Api.GraphQL.DocumentCache;

/// <summary>
/// For a document from <see cref="ValidatedDocumentCache"/>: the validation rules that depend only on the
/// document and the schema (the standard rules, the operation limits) already passed for it and are left
/// out; the rest still run on every request, since they depend on it: the cost analysis (which reads the
/// variables and charges the caller's rate budget) and the introspection switch.
/// </summary>
public sealed class CachedDocumentRules : IConfigureExecution
{
    private static readonly HashSet<IValidationRule> CoreRules = [.. DocumentValidator.CoreRules];

    /// <summary>After the configurations that add rules (they run at 100).</summary>
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.UserContext.ContainsKey(ValidatedDocumentCache.HitKey))
        {
            options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules)
                .Where(rule => !CoreRules.Contains(rule) && rule is not OperationLimitsRule)];
        }

        return next(options);
    }
}
