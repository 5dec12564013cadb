using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;

namespace NewsMeta.Api.GraphQL;

/// <summary>A query refused before execution by a limit; <see cref="Measures"/> (what it asked for, and the limit) go into the error's extensions.</summary>
public sealed class QueryLimitError : ValidationError
{
    public QueryLimitError(string code, string message, Dictionary<string, object> measures)
        : base(message)
    {
        Code = code;
        Measures = measures;
    }

    public IReadOnlyDictionary<string, object> Measures { get; }
}

/// <summary>
/// Every error carries <c>extensions.code</c>. Limit errors also carry what was measured (cost, depth,
/// aliases or fields) and the limit, so a client can see by how much it is over. Exception details only in Development.
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
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

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
            foreach (var (name, value) in limit.Measures)
            {
                extensions[name] = value;
            }
        }

        if (executionError is NoIntrospectionError)
        {
            extensions["code"] = IntrospectionDisabled;
            return new ErrorInfo
            {
                Message = "Introspection (__schema, __type) is switched off on this server (GraphQL:Introspection); the schema is at /graphql/schema.graphql.",
                Extensions = extensions,
            };
        }

        if (executionError is UserInputError && executionError.Data["argument"] is string argument)
        {
            extensions["argument"] = argument;
        }

        return new ErrorInfo { Message = info.Message, Extensions = extensions };
    }
}
