using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.NamedEntities;

public sealed record EntityPayload(int? EntityId, bool Created, IReadOnlyList<UserError> UserErrors);

public sealed class UpsertEntityInput
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public EntityType Type { get; set; }
    public List<string>? Aliases { get; set; }
}

/// <summary>upsertEntity, addEntityAlias, mergeEntities: curation of the entity catalogue (write scope).</summary>
public static class EntityMutations
{
    public static void AddEntityMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EntityPayloadGraphType>>("upsertEntity")
            .Description("With input.id: renames or retypes that entity (the old name stays an alias). Without: finds the entity by name or alias of that type, or creates it. Aliases are added.")
            .Argument<NonNullGraphType<UpsertEntityInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                MutationFields.RequireWriteScope(c);
                var input = c.GetArgument<UpsertEntityInput>("input");
                var id = input.Id is null ? (int?)null : IdArguments.Parse("input.id", input.Id, GlobalId.Entity);
                return Payload(await c.Service<EntityWriter>().UpsertAsync(id, input.Name, input.Type, input.Aliases ?? [], c.CancellationToken));
            });
        mutation.Field<NonNullGraphType<EntityPayloadGraphType>>("addEntityAlias")
            .Description("Adds another spelling of an entity's name (no-op when it is already known).")
            .Argument<NonNullGraphType<IdGraphType>>("entityId")
            .Argument<NonNullGraphType<StringGraphType>>("alias")
            .ResolveAsync(async c =>
            {
                MutationFields.RequireWriteScope(c);
                var id = IdArguments.Parse("entityId", c.GetArgument<string>("entityId"), GlobalId.Entity);
                return Payload(await c.Service<EntityWriter>().AddAliasesAsync(id, [c.GetArgument<string>("alias")], c.CancellationToken, field: "alias"));
            });
        mutation.Field<NonNullGraphType<EntityPayloadGraphType>>("mergeEntities")
            .Description("Merges duplicates into one entity: their names become aliases, their mentions move over, and they are deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("intoId", "The entity that remains.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The duplicates to fold into it.")
            .ResolveAsync(async c =>
            {
                MutationFields.RequireWriteScope(c);
                var into = IdArguments.Parse("intoId", c.GetArgument<string>("intoId"), GlobalId.Entity);
                var ids = IdArguments.ParseAll("ids", c.GetArgument<List<string>>("ids"), GlobalId.Entity);
                return Payload(await c.Service<EntityWriter>().MergeAsync(into, ids, c.CancellationToken));
            });
    }

    private static EntityPayload Payload(EntityWriteResult result) => new(result.EntityId, result.Created, UserError.From(result.Errors));
}

public sealed class UpsertEntityInputGraphType : InputObjectGraphType<UpsertEntityInput>
{
    public UpsertEntityInputGraphType()
    {
        Name = "UpsertEntityInput";
        Field(i => i.Id, type: typeof(IdGraphType)).Description("The entity to change; leave out to find or create by name.");
        Field(i => i.Name).Description("1–300 characters.");
        Field(i => i.Type, type: typeof(NonNullGraphType<EntityTypeGraphType>));
        Field(i => i.Aliases, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Spellings to add.");
    }
}

public sealed class EntityPayloadGraphType : ObjectGraphType<EntityPayload>
{
    public EntityPayloadGraphType()
    {
        Name = "EntityPayload";
        Field<EntityGraphType>("entity").Description("The entity after the change; null when userErrors is not empty.")
            .ResolveAsync(async c => c.Source.EntityId is { } id ? await c.Service<EntityQueries>().SummaryAsync(id, c.CancellationToken) : null);
        Field(p => p.Created).Description("True when upsertEntity created a new entity.");
        this.UserErrorsField(p => p.UserErrors);
    }
}
