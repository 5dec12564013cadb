using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace NewsMeta.Api.GraphQL;

/// <summary>A query refused before execution because it is too deep or too costly.</summary>
public sealed class QueryLimitError : ValidationError
{
    public QueryLimitError(string code, string message, double cost, int depth, GraphQLOptions limits)
        : base(message)
    {
        Code = code;
        Cost = cost;
        Depth = depth;
        Limits = limits;
    }

    public double Cost { get; }
    public int Depth { get; }
    public GraphQLOptions Limits { get; }
}

/// <summary>
/// Every error carries <c>extensions.code</c>. Limit errors also carry the computed cost and depth and
/// the limits, so a client can see by how much it is over. Exception details only in Development.
/// </summary>
public sealed class NewsErrorInfoProvider(bool exposeDetails)
    : ErrorInfoProvider(o =>
    {
        o.ExposeExceptionDetails = exposeDetails;
        o.ExposeExceptionDetailsMode = ExposeExceptionDetailsMode.Extensions;
        o.ExposeCodes = false;
        o.ExposeData = false;
    })
{
    public const string InternalError = "INTERNAL_SERVER_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        // Details only help for real failures; for our own errors they would repeat the message.
        if (executionError is not UnhandledError)
        {
            extensions.Remove("details");
        }

        if (Data.DbErrors.IsUnavailable(executionError.InnerException))
        {
            extensions.Remove("details");
            extensions["code"] = ServiceUnavailable;
            return new ErrorInfo { Message = "The database is not answering right now; nothing was changed. Retry shortly.", Extensions = extensions };
        }

        extensions["code"] = executionError switch
        {
            TimeoutError => "TIMEOUT",
            UnhandledError => InternalError,
            { Code: { Length: > 0 } code } => code,
            _ => InternalError,
        };
        if (executionError is QueryLimitError limit)
        {
            extensions["cost"] = limit.Cost;
            extensions["maxCost"] = limit.Limits.MaxComplexity;
            extensions["depth"] = limit.Depth;
            extensions["maxDepth"] = limit.Limits.MaxDepth;
        }

        if (executionError is UserInputError && executionError.Data["argument"] is string argument)
        {
            extensions["argument"] = argument;
        }

        return new ErrorInfo { Message = info.Message, Extensions = extensions };
    }
}
