using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// Introspection is answered from the schema in memory, but its answer is as large as the schema times
/// whatever the query multiplies it by (aliases, or nesting fields → type → fields …), so it is costed like
/// data: every field 1 per object it returns, and each list of the introspection types multiplies its
/// children by how long that list is on average in this schema (types, fields per type, arguments per
/// field …). The standard introspection query then costs about the number of values in its answer.
/// </summary>
public static class IntrospectionCost
{
    private static readonly ConditionalWeakTable<ISchema, Dictionary<(string Parent, string Field), double>> ListLengths = [];

    public static bool Applies(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);

    public static FieldComplexityResult Of(FieldImpactContext context)
    {
        var lengths = ListLengths.GetValue(context.ValidationContext.Schema, Measure);
        return new FieldComplexityResult(1, lengths.TryGetValue((context.ParentType.Name, context.FieldDefinition.Name), out var length) ? length : 1);
    }

    /// <summary>The average length of each introspection list in this schema.</summary>
    private static Dictionary<(string, string), double> Measure(ISchema schema)
    {
        schema.Initialize();
        var types = schema.AllTypes.ToList();
        var outputTypes = types.Where(t => t is IObjectGraphType or IInterfaceGraphType).Cast<IComplexGraphType>().ToList();
        var fields = outputTypes.SelectMany(t => t.Fields).ToList();
        var directives = schema.Directives.ToList();
        double PerType(int total) => (double)total / Math.Max(1, types.Count);
        return new()
        {
            [("__Schema", "types")] = types.Count,
            [("__Schema", "directives")] = directives.Count,
            [("__Type", "fields")] = PerType(fields.Count),
            [("__Type", "inputFields")] = PerType(types.OfType<IInputObjectGraphType>().Sum(t => t.Fields.Count)),
            [("__Type", "enumValues")] = PerType(types.OfType<EnumerationGraphType>().Sum(t => t.Values.Count)),
            [("__Type", "interfaces")] = PerType(types.OfType<IImplementInterfaces>().Sum(t => t.ResolvedInterfaces.Count)),
            [("__Type", "possibleTypes")] = PerType(types.OfType<IAbstractGraphType>().Sum(t => t.PossibleTypes.Count)),
            [("__Field", "args")] = (double)fields.Sum(f => f.Arguments?.Count ?? 0) / Math.Max(1, fields.Count),
            [("__Directive", "args")] = (double)directives.Sum(d => d.Arguments?.Count ?? 0) / Math.Max(1, directives.Count),
        };
    }
}
