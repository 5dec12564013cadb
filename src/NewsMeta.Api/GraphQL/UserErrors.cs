using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.GraphQL;

/// <summary>A problem with the input of a mutation: which field, and what is wrong with it.</summary>
public sealed record UserError(string Field, string Message)
{
    public static List<UserError> From(IReadOnlyDictionary<string, string[]> errors) =>
        [.. errors.SelectMany(e => e.Value.Select(m => new UserError(e.Key, m)))];
}

public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Description = "Why a mutation did not apply: the input field (a path such as entities[0].name) and the message.";
        Field(e => e.Field);
        Field(e => e.Message);
    }
}

/// <summary>Shared bits of mutation fields.</summary>
public static class MutationFields
{
    /// <summary>
    /// Mutations need the write scope. The transport already refuses unauthorised mutations with 401/403;
    /// this check keeps the rule true for any other way the schema gets executed.
    /// </summary>
    public static void RequireWriteScope(IResolveFieldContext context)
    {
        if (context.User?.HasClaim(c => c.Type == Scopes.ClaimType && c.Value is Scopes.Write or Scopes.Admin) != true)
        {
            throw new ExecutionError("This mutation needs an API key with the write scope in the X-Api-Key header.") { Code = "FORBIDDEN" };
        }
    }

    public static void UserErrorsField<TPayload>(this ObjectGraphType<TPayload> type, Func<TPayload, IReadOnlyList<UserError>> errorsOf) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors")
            .Description("Empty when the mutation applied.")
            .Resolve(c => errorsOf(c.Source));
}
