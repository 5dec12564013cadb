using GraphQLParser.AST;

namespace NewsMeta.Api.GraphQL;

/// <summary>
/// What one operation asks for once its fragments are spread out: how many fields, how many of them
/// aliased, and how deeply data fields nest. Each fragment is walked once and counted at every spread,
/// so a fragment fan-out (a fragment spreading another twice, and so on) is counted as the answer it
/// would produce without being walked that many times. Works on documents not yet validated: unknown
/// fragments and fragment cycles count nothing (the standard rules refuse them).
/// </summary>
public sealed record OperationShape(long Fields, long Aliases, int DataDepth)
{
    public static OperationShape Measure(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var walker = new Walker(document, fieldName: null);
        var counts = walker.Walk(operation.SelectionSet, countsDepth: true);
        return new OperationShape(counts.Fields, counts.Aliases, counts.Depth);
    }

    /// <summary>Whether the operation selects a field of this name anywhere, through fragments too.</summary>
    public static bool Selects(GraphQLDocument document, GraphQLOperationDefinition operation, string fieldName) =>
        new Walker(document, fieldName).Walk(operation.SelectionSet, countsDepth: true).Found;

    private readonly record struct Counts(long Fields, long Aliases, int Depth, bool Found)
    {
        public Counts Plus(Counts other) =>
            new(Saturating(Fields, other.Fields), Saturating(Aliases, other.Aliases), Math.Max(Depth, other.Depth), Found || other.Found);

        private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }

    private sealed class Walker(GraphQLDocument document, string? fieldName)
    {
        private readonly Dictionary<(string, bool), Counts> _fragments = [];
        private readonly HashSet<string> _visiting = [];

        public Counts Walk(GraphQLSelectionSet? selectionSet, bool countsDepth)
        {
            var total = default(Counts);
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                total = total.Plus(selection switch
                {
                    GraphQLField field => Field(field, countsDepth),
                    GraphQLInlineFragment inline => Walk(inline.SelectionSet, countsDepth),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, countsDepth),
                    _ => default,
                });
            }

            return total;
        }

        private Counts Field(GraphQLField field, bool countsDepth)
        {
            var name = field.Name.StringValue;
            var self = new Counts(1, field.Alias is null ? 0 : 1, 0, name == fieldName);
            if (field.SelectionSet is null)
            {
                return self;
            }

            // Below __schema and __type everything is introspection, measured by cost and field count, not depth.
            var childrenCountDepth = countsDepth && name is not ("__schema" or "__type");
            var children = Walk(field.SelectionSet, childrenCountDepth);
            return self.Plus(children with { Depth = childrenCountDepth ? children.Depth + 1 : 0 });
        }

        private Counts Spread(string name, bool countsDepth)
        {
            if (_fragments.TryGetValue((name, countsDepth), out var known))
            {
                return known;
            }

            if (document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name) is not { } fragment
                || !_visiting.Add(name))
            {
                return default;
            }

            var counts = Walk(fragment.SelectionSet, countsDepth);
            _visiting.Remove(name);
            _fragments[(name, countsDepth)] = counts;
            return counts;
        }
    }
}
