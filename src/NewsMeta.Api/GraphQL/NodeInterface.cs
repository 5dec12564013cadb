using GraphQL;
using GraphQL.Types;

namespace NewsMeta.Api.GraphQL;

/// <summary>The Relay Node interface: anything with a global id that <c>node(id:)</c> can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id; pass to node(id:).");
    }
}

/// <summary>Small helpers the resolvers share.</summary>
public static class ResolveContextExtensions
{
    /// <summary>A request-scoped service (loaders, queries, writers) of the current HTTP request.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Adds <c>id: ID!</c> (global) and <c>databaseId: Int!</c> and declares the type a Node.</summary>
    public static void NodeFields<T>(this ObjectGraphType<T> type, string typeName, Func<T, int> idOf)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id; pass to node(id:).")
            .Resolve(c => GlobalId.Encode(typeName, idOf(c.Source)));
        type.Field<NonNullGraphType<IntGraphType>>("databaseId").Description("The integer id used by the REST API.")
            .Resolve(c => idOf(c.Source));
    }
}
