using System.Collections;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsMeta.Api.GraphQL.Projection;

/// <summary>
/// Completes a list of objects in one pass: each item's fields are resolved with the schema's own resolvers
/// and completed as the node-by-node path completes them (scalars serialized, non-null checked, IsTypeOf
/// honoured), into <see cref="ProjectedObject"/>s the answer writer writes directly. Loader results are
/// completed after every item has been visited, so their keys batch as they do node by node.
/// Anything else (a null where the type forbids it, a resolver error, an interface or union) abandons the
/// pass, and the caller completes the list node by node, which gives the error its usual path and shape.
/// Queries only: resolvers may then run a second time, which reads do not mind.
/// </summary>
internal sealed class ListProjection
{
    private readonly ExecutionContext _context;
    private readonly ArrayExecutionNode _list;
    private readonly Queue<Deferred> _deferred = new();
    private ResolveFieldContext? _spare;

    private ListProjection(ExecutionContext context, ArrayExecutionNode list)
    {
        _context = context;
        _list = list;
    }

    /// <summary>Whether the list holds objects (a list of scalars is serialized in one call already).</summary>
    public static bool IsListOfObjects(ArrayExecutionNode list) =>
        list.GraphType is ListGraphType listType && listType.ResolvedType?.GetNamedType() is IObjectGraphType;

    /// <summary>The list's items projected, or null when the list is to be completed node by node.</summary>
    public static async Task<object?[]?> TryProjectAsync(ProjectingExecutionStrategy strategy, ExecutionContext context, ArrayExecutionNode list)
    {
        if (list.Result is not IEnumerable || list.GraphType is not ListGraphType listType
            || listType.ResolvedType!.GetNamedType() is not IObjectGraphType itemType
            || ProjectionPlan.For(strategy, context, itemType, list.Field.SelectionSet) is not { } plan)
        {
            return null;
        }

        var projection = new ListProjection(context, list);
        try
        {
            var items = (object?[])(await projection.ListAsync(listType.ResolvedType!, list.Result, plan))!;
            await projection.DrainAsync();
            return items;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async ValueTask<object?> CompleteAsync(IGraphType type, object? value, ProjectionPlan? plan)
    {
        var nonNull = type is NonNullGraphType;
        if (type is NonNullGraphType wrapped)
        {
            type = wrapped.ResolvedType!;
        }

        var completed = value is null ? null : type switch
        {
            ScalarGraphType scalar => scalar.Serialize(value),
            ListGraphType list => await ListAsync(list.ResolvedType!, value, plan),
            IObjectGraphType objectType when plan is not null => await ObjectAsync(objectType, value, plan),
            _ => throw new ProjectionAbandoned(),
        };
        return nonNull && completed is null ? throw new ProjectionAbandoned() : completed;
    }

    private async ValueTask<object?> ListAsync(IGraphType itemType, object value, ProjectionPlan? plan)
    {
        if (value is not IEnumerable items || value is string)
        {
            throw new ProjectionAbandoned();
        }

        if (items is IList list)
        {
            var completed = new object?[list.Count];
            for (var i = 0; i < completed.Length; i++)
            {
                completed[i] = await CompleteAsync(itemType, list[i], plan);
            }

            return completed;
        }

        var gathered = new List<object?>();
        foreach (var item in items)
        {
            gathered.Add(await CompleteAsync(itemType, item, plan));
        }

        return gathered.ToArray();
    }

    private async ValueTask<object?> ObjectAsync(IObjectGraphType type, object source, ProjectionPlan plan)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(source))
        {
            throw new ProjectionAbandoned();
        }

        var values = new object?[plan.Names.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var definition = plan.Definitions[i];
            var resolved = await ResolveAsync(type, source, plan.Fields[i], definition);
            var child = plan.Child(i);
            if (resolved is IDataLoaderResult pending)
            {
                _deferred.Enqueue(new Deferred(values, i, definition.ResolvedType!, pending, child));
            }
            else
            {
                values[i] = await CompleteAsync(definition.ResolvedType!, resolved, child);
            }
        }

        return new ProjectedObject(plan.Names, values);
    }

    private async ValueTask<object?> ResolveAsync(IObjectGraphType parentType, object source, GraphQLField field, FieldType definition)
    {
        var context = _spare ?? NewContext();
        _spare = null;
        context.Source = source;
        context.ParentType = parentType;
        context.FieldAst = field;
        context.FieldDefinition = definition;
        context.Arguments = _context.GetArguments(definition, field);
        context.Directives = _context.GetDirectives(field);
        var result = await (definition.Resolver ?? NameFieldResolver.Instance).ResolveAsync(context);
        // A loader result or a lazy sequence may still read the context it was given, so it keeps it.
        if (result is not IDataLoaderResult && (result is not IEnumerable || result is string))
        {
            _spare = context;
        }

        return result;
    }

    private ResolveFieldContext NewContext() => new()
    {
        Schema = _context.Schema,
        Document = _context.Document,
        Operation = _context.Operation,
        Variables = _context.Variables,
        RootValue = _context.RootValue,
        UserContext = _context.UserContext,
        User = _context.User,
        CancellationToken = _context.CancellationToken,
        Metrics = _context.Metrics,
        Errors = _context.Errors,
        RequestServices = _context.RequestServices,
        InputExtensions = _context.InputExtensions,
        OutputExtensions = _context.OutputExtensions,
        ArrayPool = _context,
        ExecutionContext = _context,
        Path = _list.Path,
        ResponsePath = _list.ResponsePath,
    };

    /// <summary>Completes the loader results met on the way, first to last; what they load may defer more.</summary>
    private async Task DrainAsync()
    {
        while (_deferred.TryDequeue(out var next))
        {
            object? value = next.Result;
            while (value is IDataLoaderResult pending)
            {
                value = await pending.GetResultAsync(_context.CancellationToken);
            }

            next.Values[next.Index] = await CompleteAsync(next.Type, value, next.Plan);
        }
    }

    private readonly record struct Deferred(object?[] Values, int Index, IGraphType Type, IDataLoaderResult Result, ProjectionPlan? Plan);
}

/// <summary>The projection met something it does not answer; the list is completed node by node instead.</summary>
internal sealed class ProjectionAbandoned : Exception;
