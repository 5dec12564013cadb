using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace NewsMeta.Api.GraphQL;

/// <summary>The schema as SDL: what schema.graphql in the repo holds and /graphql/schema.graphql serves.</summary>
public static class SchemaText
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
