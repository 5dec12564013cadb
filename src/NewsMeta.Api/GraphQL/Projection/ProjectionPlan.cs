using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsMeta.Api.GraphQL.Projection;

/// <summary>
/// What one selection asks of one object type, collected once per list and request: the response names in
/// order, their fields and definitions, and (built when first needed) the plan of each field that selects
/// an object or a list of objects. Null when a field's type is an interface or a union, which the
/// projection leaves to the node-by-node path.
/// </summary>
internal sealed class ProjectionPlan
{
    private readonly ProjectingExecutionStrategy _strategy;
    private readonly ExecutionContext _context;
    private readonly ProjectionPlan?[] _children;
    private readonly bool[] _childBuilt;

    private ProjectionPlan(ProjectingExecutionStrategy strategy, ExecutionContext context, Dictionary<string, (GraphQLField Field, FieldType FieldType)> fields)
    {
        _strategy = strategy;
        _context = context;
        Names = [.. fields.Keys];
        Fields = [.. fields.Values.Select(f => f.Field)];
        Definitions = [.. fields.Values.Select(f => f.FieldType)];
        _children = new ProjectionPlan?[Names.Length];
        _childBuilt = new bool[Names.Length];
    }

    public string[] Names { get; }

    public GraphQLField[] Fields { get; }

    public FieldType[] Definitions { get; }

    public static ProjectionPlan? For(ProjectingExecutionStrategy strategy, ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
        {
            return null;
        }

        var fields = strategy.Collect(context, type, selectionSet);
        foreach (var (_, definition) in fields.Values)
        {
            if (definition.ResolvedType?.GetNamedType() is not (ScalarGraphType or IObjectGraphType))
            {
                return null;
            }
        }

        return new ProjectionPlan(strategy, context, fields);
    }

    /// <summary>The plan under field <paramref name="index"/>; null when its named type is a scalar or its selection cannot be projected.</summary>
    public ProjectionPlan? Child(int index)
    {
        if (!_childBuilt[index])
        {
            _children[index] = Definitions[index].ResolvedType!.GetNamedType() is IObjectGraphType type
                ? For(_strategy, _context, type, Fields[index].SelectionSet)
                : null;
            _childBuilt[index] = true;
        }

        return _children[index];
    }
}
