using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsMeta.Api.GraphQL.Connections;

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the list (Relay cursor connections).";
        Field(p => p.HasNextPage).Description("True when a page follows this one.");
        Field(p => p.HasPreviousPage).Description("True when a page precedes this one.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first edge; pass as before to page backwards.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last edge; pass as after to page forwards.");
    }
}

/// <summary>An edge: one node and the cursor that points at it.</summary>
public class EdgeGraphType<TNode, TNodeGraph> : ObjectGraphType<Edge<TNode>>
    where TNodeGraph : IGraphType
{
    public EdgeGraphType(string nodeName)
    {
        Name = $"{nodeName}Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque position of this node in the list.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraph>>("node").Resolve(c => c.Source.Node);
    }
}

/// <summary>
/// A Relay connection. Lists are costed by their page size: the complexity analyser multiplies the
/// children of edges/nodes by first/last (default 20), so a deep query over big pages is refused up front.
/// </summary>
public class ConnectionGraphType<TNode, TNodeGraph, TEdgeGraph> : ObjectGraphType<Connection<TNode>>
    where TNodeGraph : IGraphType
    where TEdgeGraph : IGraphType
{
    public ConnectionGraphType(string nodeName)
    {
        Name = $"{nodeName}Connection";
        Description = $"A page of {nodeName} nodes.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraph>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraph>>>>("nodes")
            .Description("The nodes of the edges, for clients that need no cursors.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many nodes the whole list has (all pages).")
            .ResolveAsync(async c => await c.Source.TotalCount(c.CancellationToken));
    }
}

/// <summary>Adds first/after/last/before to a connection field.</summary>
public static class ConnectionArguments
{
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", "Page size from the start (0–100, default 20).")
            .Argument<StringGraphType>("after", "endCursor of the previous page.")
            .Argument<IntGraphType>("last", "Page size from the end (0–100), with before to page backwards.")
            .Argument<StringGraphType>("before", "startCursor of the following page.");
}
