using GraphQL;
using GraphQLParser.AST;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// Whether what a query selects under the current field stays within a known set of field names (through
/// inline fragments and fragment spreads; aliases do not matter, only the fields asked for). Lets a resolver
/// answer from data it already holds when that data has every field asked for, and load otherwise.
/// Conservative: a field under <c>@skip</c> or <c>@include</c> counts as asked.
/// </summary>
public sealed class SubSelection
{
    private readonly HashSet<string> _fields;
    private readonly Dictionary<string, SubSelection> _nested;

    /// <param name="fields">The fields that may be asked for.</param>
    /// <param name="nested">For a field among them with its own selection: what may be asked for under it (a field not named here may select anything).</param>
    public SubSelection(IEnumerable<string> fields, IReadOnlyDictionary<string, SubSelection>? nested = null)
    {
        _fields = fields.Append("__typename").ToHashSet(StringComparer.Ordinal);
        _nested = nested is null ? [] : new Dictionary<string, SubSelection>(nested);
    }

    /// <summary>True when every field selected under the context's field is allowed here.</summary>
    public bool Covers(IResolveFieldContext context) => Covers(context.Document, context.FieldAst.SelectionSet, []);

    private bool Covers(GraphQLDocument document, GraphQLSelectionSet? selectionSet, HashSet<string> spreading)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            var covered = selection switch
            {
                GraphQLField field => _fields.Contains(field.Name.StringValue)
                    && (!_nested.TryGetValue(field.Name.StringValue, out var below) || below.Covers(document, field.SelectionSet, [])),
                GraphQLInlineFragment inline => Covers(document, inline.SelectionSet, spreading),
                GraphQLFragmentSpread spread => Spread(document, spread.FragmentName.Name.StringValue, spreading),
                _ => false,
            };
            if (!covered)
            {
                return false;
            }
        }

        return true;
    }

    private bool Spread(GraphQLDocument document, string name, HashSet<string> spreading)
    {
        // Validated documents have no fragment cycles; a cycle here would only repeat what is being checked.
        if (!spreading.Add(name))
        {
            return true;
        }

        var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
        var covered = fragment is not null && Covers(document, fragment.SelectionSet, spreading);
        spreading.Remove(name);
        return covered;
    }
}
