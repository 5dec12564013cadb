using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsMeta.Api.GraphQL.Projection;

/// <summary>
/// The serial strategy, except that a list of objects is completed in one pass over a plan of its selection
/// (<see cref="ListProjection"/>) instead of one execution node per field of every item. A page of 20 articles
/// with their entities, keywords and links is about 2,000 nodes, and building, resolving, validating and
/// writing each node was most of the service's time on such a page. Whatever the pass cannot answer exactly
/// as the node-by-node path would falls back to that path for the whole list.
/// </summary>
public sealed class ProjectingExecutionStrategy : SerialExecutionStrategy
{
    protected override async Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        if (!ListProjection.IsListOfObjects(parent))
        {
            await base.SetArrayItemNodesAsync(context, parent);
            return;
        }

        var services = context.RequestServices;
        var metrics = services?.GetService<Common.NewsMetaMetrics>();
        if ((services?.GetService<IOptions<GraphQLOptions>>()?.Value.ProjectLists ?? true)
            && await ListProjection.TryProjectAsync(this, context, parent) is { } items)
        {
            parent.SerializedResult = items;
            metrics?.GraphQLListCompleted(projected: true);
            return;
        }

        metrics?.GraphQLListCompleted(projected: false);
        await base.SetArrayItemNodesAsync(context, parent);
    }

    /// <summary>The fields a selection asks of an object type, as the node-by-node path collects them (fragments, @skip/@include, merged duplicates).</summary>
    internal Dictionary<string, (GraphQLField Field, FieldType FieldType)> Collect(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet) =>
        CollectFieldsFrom(context, type, selectionSet, null);
}
