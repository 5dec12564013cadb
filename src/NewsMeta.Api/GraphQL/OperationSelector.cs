using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// Picks the operation of a document to run, as the spec's GetOperation does: by name when one is given
/// (an empty name counts as none), else the only operation, else a request error. The transport (GET
/// rule, key scope, replica, cacheability) and the executor (<see cref="NewsDocumentExecuter"/>) both
/// call this one method on the one parsed document, so they cannot disagree on what runs.
/// </summary>
public static class OperationSelector
{
    /// <exception cref="DocumentError">NoOperationNameError, InvalidOperationNameError or NoOperationError, with their codes.</exception>
    public static GraphQLOperationDefinition Select(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
        {
            return operations.Count switch
            {
                1 => operations[0],
                0 => throw new NoOperationError(),
                _ => throw new NoOperationNameError(),
            };
        }

        return operations.FirstOrDefault(o => o.Name?.StringValue == operationName) ?? throw new InvalidOperationNameError(operationName);
    }
}

/// <summary>The standard executor, selecting the operation with <see cref="OperationSelector"/>.</summary>
public sealed class NewsDocumentExecuter(
    IDocumentBuilder documentBuilder,
    IDocumentValidator documentValidator,
    IExecutionStrategySelector executionStrategySelector,
    IEnumerable<IConfigureExecution> configurations)
    : DocumentExecuter(documentBuilder, documentValidator, executionStrategySelector, configurations)
{
    protected override GraphQLOperationDefinition GetOperation(string? operationName, GraphQLDocument document) =>
        OperationSelector.Select(document, operationName);
}
