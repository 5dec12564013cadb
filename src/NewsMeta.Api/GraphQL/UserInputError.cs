using GraphQL;

namespace NewsMeta.Api.GraphQL;

/// <summary>A bad argument value (page size, cursor, id): reported with code BAD_USER_INPUT.</summary>
public sealed class UserInputError : ExecutionError
{
    public const string ErrorCode = "BAD_USER_INPUT";

    public UserInputError(string argument, string message)
        : base($"{argument} {message}")
    {
        Code = ErrorCode;
        Data["argument"] = argument;
    }
}
