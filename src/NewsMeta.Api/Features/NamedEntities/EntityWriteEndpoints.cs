using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>Body of POST /entities and PUT /entities/{id}.</summary>
public sealed class EntityWriteRequest
{
    /// <example>رامي القاسم</example>
    public string? Name { get; init; }

    /// <summary>person, organization, location, event or other.</summary>
    /// <example>person</example>
    public string? Type { get; init; }

    /// <summary>Other spellings to add (kept; never removed by a write).</summary>
    public List<string>? Aliases { get; init; }

    /// <summary>PUT only: "confirmed" confirms a discovered entity (alone, or with a rename).</summary>
    /// <example>confirmed</example>
    public string? Status { get; init; }
}

/// <summary>Body of POST /entities/{id}/aliases: one alias, or several.</summary>
public sealed class AliasRequest
{
    /// <example>Rami Al-Qasim</example>
    public string? Alias { get; init; }

    public List<string>? Aliases { get; init; }
}

/// <summary>Body of POST /entities/{id}/merge: the duplicates to fold into the entity in the path.</summary>
public sealed class MergeRequest
{
    /// <example>[12, 15]</example>
    public List<int>? From { get; init; }
}

/// <summary>Curating the entity catalogue over REST (write scope), through the same writer as the GraphQL mutations.</summary>
public static class EntityWriteEndpoints
{
    public static RouteGroupBuilder MapEntityWrites(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateEntity).WithName("createEntity")
            .WithSummary("Create an entity (or find it)")
            .WithDescription("Finds the entity of this type by normalised name or alias, or creates it (201); aliases are added either way. Articles are linked to new names by the background relink job.")
            .Accepts<EntityWriteRequest>("application/json")
            .WithWriteResponses()
            .WithExamples(EntityExamples.Create);
        group.MapPut("/{id:int}", UpdateEntity).WithName("updateEntity")
            .WithSummary("Rename, retype or confirm an entity")
            .WithDescription("The old name stays as an alias, so articles and searches using it still find the entity. {\"status\": \"confirmed\"} confirms a discovered entity (name and type may then be left out). 409 when another entity of the type already has the name (merge them instead). If-Match with the entity's ETag makes it conditional.")
            .Accepts<EntityWriteRequest>("application/json")
            .WithWriteResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(EntityExamples.Update);
        group.MapDelete("/{id:int}", DeleteEntity).WithName("deleteEntity")
            .WithSummary("Delete an entity")
            .WithDescription("Removes the entity and its mentions (204). The articles that named it get a new version and an article.updated. If-Match with the entity's ETag makes it conditional.")
            .WithWriteResponses()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(EntityExamples.Delete);
        group.MapPost("/{id:int}/aliases", AddAliases).WithName("addEntityAliases")
            .WithSummary("Add spellings of an entity's name")
            .WithDescription("Body {\"alias\": \"…\"} or {\"aliases\": [\"…\"]} (at most 200, added in one transaction); spellings already known are ignored. If-Match with the entity's ETag makes it conditional.")
            .Accepts<AliasRequest>("application/json")
            .WithWriteResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(EntityExamples.Aliases);
        group.MapPost("/{id:int}/merge", Merge).WithName("mergeEntities")
            .WithSummary("Merge duplicate entities into this one")
            .WithDescription("Body {\"from\": [ids]}: their names and aliases become aliases of this entity, their mentions move to it (summed where an article names both), and they are deleted. If-Match with this entity's ETag makes it conditional.")
            .Accepts<MergeRequest>("application/json")
            .WithWriteResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithExamples(EntityExamples.Merge);
        return group;
    }

    private static RouteHandlerBuilder WithWriteResponses(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Scopes.WritePolicy)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<EntityDto>, Ok<EntityDto>, ValidationProblem, ProblemHttpResult>> CreateEntity(
        HttpRequest request, EntityWriter writer, EntityQueries queries, CancellationToken ct)
    {
        var (body, errors) = await ReadAsync(request, ct);
        if (body is null)
        {
            return Problems.Invalid(errors!);
        }

        var result = await writer.UpsertAsync(null, body.Value.Name, body.Value.Type, body.Value.Aliases, ct);
        if (Failure(result) is { } failed)
        {
            return failed;
        }

        var entity = (await queries.GetAsync(result.EntityId!.Value, ct))!;
        return result.Created ? TypedResults.Created($"/api/v1/entities/{entity.Id}", entity) : TypedResults.Ok(entity);
    }

    private static async Task<Results<Ok<EntityDto>, ValidationProblem, ProblemHttpResult>> UpdateEntity(
        int id, HttpRequest request, EntityWriter writer, EntityQueries queries, CancellationToken ct)
    {
        var (raw, rawErrors) = await JsonBody.ReadAsync<EntityWriteRequest>(request, ct);
        if (raw is null)
        {
            return Problems.Invalid(rawErrors!);
        }

        if (raw.Status is not null && !(EnumNames.TryParse<EntityStatus>(raw.Status, out var status) && status == EntityStatus.Confirmed))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["can only be set to confirmed (discovery sets discovered)"] });
        }

        var (precondition, stale) = Condition(request, id, queries);
        var confirmOnly = raw.Status is not null && raw.Name is null && raw.Type is null && raw.Aliases is null;
        if (!confirmOnly)
        {
            var (body, errors) = Parse(raw);
            if (body is null)
            {
                return Problems.Invalid(errors!);
            }

            var renamed = await writer.UpsertAsync(id, body.Value.Name, body.Value.Type, body.Value.Aliases, ct, precondition);
            if (Failure(renamed, stale) is { } failed)
            {
                return failed;
            }

            // The If-Match was for the entity before the rename; the confirmation follows unconditionally.
            precondition = null;
        }

        if (raw.Status is not null && Failure(await writer.ConfirmAsync(id, ct, precondition), stale) is { } unconfirmed)
        {
            return unconfirmed;
        }

        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteEntity(
        int id, HttpRequest request, EntityWriter writer, EntityQueries queries, CancellationToken ct)
    {
        var (precondition, stale) = Condition(request, id, queries);
        var result = await writer.DeleteAsync(id, ct, precondition);
        if (Failure(result, stale) is { } failed)
        {
            return failed.Problem is { } problem ? problem : failed.Invalid!;
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<EntityDto>, ValidationProblem, ProblemHttpResult>> AddAliases(
        int id, HttpRequest request, EntityWriter writer, EntityQueries queries, CancellationToken ct)
    {
        var (body, errors) = await JsonBody.ReadAsync<AliasRequest>(request, ct);
        if (body is null)
        {
            return Problems.Invalid(errors!);
        }

        var aliases = (body.Aliases ?? []).Prepend(body.Alias).OfType<string>().ToList();
        if (aliases.Count == 0)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["alias"] = ["is required (or give aliases: [...])"] });
        }

        var (precondition, stale) = Condition(request, id, queries);
        var result = await writer.AddAliasesAsync(id, aliases, ct, precondition, body.Aliases is null ? "alias" : "aliases");
        return Failure(result, stale) is { } failed ? failed : TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    private static async Task<Results<Ok<EntityDto>, ValidationProblem, ProblemHttpResult>> Merge(
        int id, HttpRequest request, EntityWriter writer, EntityQueries queries, CancellationToken ct)
    {
        var (body, errors) = await JsonBody.ReadAsync<MergeRequest>(request, ct);
        if (body is null)
        {
            return Problems.Invalid(errors!);
        }

        var (precondition, stale) = Condition(request, id, queries);
        var result = await writer.MergeAsync(id, body.From ?? [], ct, precondition);

        // The writer names the list "ids" (GraphQL's argument); over REST it is the body's "from".
        if (result.Errors.Remove("ids", out var idErrors))
        {
            result.Errors["from"] = idErrors;
        }

        return Failure(result, stale) is { } failed ? failed : TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    /// <summary>
    /// If-Match / If-None-Match on the entity in the path, for the writer to check inside its transaction;
    /// the box holds the 412 once the check has failed.
    /// </summary>
    private static (Func<CancellationToken, Task<bool>>? Precondition, StrongBox<ProblemHttpResult?> Failed) Condition(HttpRequest request, int id, EntityQueries queries)
    {
        var failed = new StrongBox<ProblemHttpResult?>();
        Func<CancellationToken, Task<bool>>? precondition = Preconditions.Requested(request)
            ? async token => (failed.Value = Preconditions.Check(request, await queries.GetAsync(id, token))) is null
            : null;
        return (precondition, failed);
    }

    private static async Task<((string Name, EntityType Type, List<string> Aliases)? Value, Dictionary<string, string[]>? Errors)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, errors) = await JsonBody.ReadAsync<EntityWriteRequest>(request, ct);
        return body is null ? (null, errors) : Parse(body);
    }

    private static ((string Name, EntityType Type, List<string> Aliases)? Value, Dictionary<string, string[]>? Errors) Parse(EntityWriteRequest body)
    {
        if (!EnumNames.TryParse<EntityType>(body.Type, out var type))
        {
            return (null, new() { ["type"] = [$"must be one of {EnumNames.List<EntityType>()}"] });
        }

        return ((body.Name ?? "", type, body.Aliases ?? []), null);
    }

    /// <summary>The writer's errors as HTTP: a failed precondition 412, an unknown id 404, a name taken by another entity 409, the rest 400.</summary>
    private static Failed? Failure(EntityWriteResult result, StrongBox<ProblemHttpResult?>? stale = null)
    {
        if (result.IsPreconditionFailed)
        {
            return new Failed(stale?.Value ?? Problems.PreconditionFailed("The entity has changed since the ETag in If-Match; fetch it again and retry."), null);
        }

        if (result.Errors.Count == 0)
        {
            return null;
        }

        if (result.Errors.Any(e => e.Value.Any(m => m.StartsWith("no entity has this id", StringComparison.Ordinal))))
        {
            return new Failed(Problems.NotFound("entity"), null);
        }

        return result.Errors.TryGetValue("name", out var messages) && messages.Any(m => m.StartsWith("another entity", StringComparison.Ordinal))
            ? new Failed(TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: messages[0]), null)
            : new Failed(null, Problems.Invalid(result.Errors));
    }

    /// <summary>One of a problem or a validation problem.</summary>
    private sealed record Failed(ProblemHttpResult? Problem, ValidationProblem? Invalid)
    {
        public static implicit operator Results<Ok<EntityDto>, ValidationProblem, ProblemHttpResult>(Failed f) =>
            f.Problem is { } p ? p : f.Invalid!;

        public static implicit operator Results<Created<EntityDto>, Ok<EntityDto>, ValidationProblem, ProblemHttpResult>(Failed f) =>
            f.Problem is { } p ? p : f.Invalid!;
    }
}
