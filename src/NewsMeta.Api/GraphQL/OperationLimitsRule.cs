using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// Refuses, before anything runs, an operation with too many aliases or fields or too deeply nested
/// data. It measures the operation the executor selected (fragments spread out) before the standard
/// rules run, so an oversized document costs one walk of its text; its error stops validation, and so the
/// cost analysis and the rate-budget charge that would follow.
/// </summary>
public sealed class OperationLimitsRule(IOptions<GraphQLOptions> options) : ValidationRuleBase
{
    public const string TooManyAliasesCode = "TOO_MANY_ALIASES";
    public const string TooManyFieldsCode = "TOO_MANY_FIELDS";
    public const string TooDeepCode = "QUERY_TOO_DEEP";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        var shape = OperationShape.Measure(context.Document, context.Operation);
        if (shape.Aliases > limits.MaxAliases)
        {
            context.ReportError(new QueryLimitError(TooManyAliasesCode,
                $"The operation has {shape.Aliases} aliased fields; at most {limits.MaxAliases} are allowed.",
                new() { ["aliases"] = shape.Aliases, ["maxAliases"] = limits.MaxAliases }));
        }
        else if (shape.Fields > limits.MaxFields)
        {
            context.ReportError(new QueryLimitError(TooManyFieldsCode,
                $"The operation selects {shape.Fields} fields (fragments counted at each use); at most {limits.MaxFields} are allowed.",
                new() { ["fields"] = shape.Fields, ["maxFields"] = limits.MaxFields }));
        }
        else if (shape.DataDepth > limits.MaxDepth)
        {
            context.ReportError(new QueryLimitError(TooDeepCode,
                $"The query is {shape.DataDepth} levels deep; at most {limits.MaxDepth} are allowed.",
                new() { ["depth"] = shape.DataDepth, ["maxDepth"] = limits.MaxDepth }));
        }

        return default;
    }
}
