using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>OpenAPI examples of the entity endpoints (EntityEndpoints, EntityWriteEndpoints): the sample corpus's people and places.</summary>
public static class EntityExamples
{
    private static readonly Example NotFound = ProblemExamples.NotFound("No entity has id 999.");

    // The writes name only what was not found.
    private static readonly Example WriteNotFound = ProblemExamples.NotFound("entity");

    private static readonly Example BadType = ProblemExamples.Invalid("An unknown entity type", "type", "must be one of person, organization, location, event, other");

    private static EntityDto Haddad { get; } = new()
    {
        Id = 1,
        Name = "يوسف الحداد",
        Type = EntityType.Person,
        Aliases = ["الحداد", "Youssef Haddad"],
        ArticleCount = 11,
    };

    // Static initialisers run in order: the samples come before the examples built from them.
    private static EntityDto Oversight { get; } = new()
    {
        Id = 112,
        Name = "هيئة الرقابة المالية",
        Type = EntityType.Organization,
        Aliases = ["الهيئة المستقلة لمراقبة المالية العامة"],
        ArticleCount = 0,
    };

    public static OperationExamples List { get; } = new()
    {
        // Swagger UI sends these together: a page of people whose name or alias starts with الحداد, after ليلى المنصوري (17 articles, id 2).
        Parameters = { ["type"] = "person", ["q"] = "الحداد", ["status"] = "confirmed", ["cursor"] = Cursor.Encode("ePerson", 17, 2) },
        Responses =
        {
            [200] = new("People found by an alias", new Page<EntitySummaryDto>
            {
                Items = [new() { Id = 1, Name = "يوسف الحداد", Type = EntityType.Person, ArticleCount = 11, MatchedAlias = "الحداد" }],
                NextCursor = null,
            }),
            [400] = BadType,
        },
    };

    public static OperationExamples Get { get; } = new()
    {
        Parameters = { ["id"] = Haddad.Id },
        Responses = { [200] = new("A person with the spellings they are known by", Haddad), [404] = NotFound },
    };

    public static OperationExamples Articles { get; } = new()
    {
        Parameters = { ["id"] = Haddad.Id },
        Responses =
        {
            [200] = new("Articles naming يوسف الحداد", ArticleExamples.SummaryPage),
            [400] = ProblemExamples.Invalid("A date without an offset", "publishedFrom", "must be an RFC 3339 date-time with an offset, e.g. 2026-03-10T08:15:00Z"),
            [404] = NotFound,
        },
    };

    public static OperationExamples Related { get; } = new()
    {
        Parameters = { ["id"] = Haddad.Id, ["limit"] = 2, ["cursor"] = Cursor.Encode("r1", 2, 1) },
        Responses =
        {
            [200] = new("Named in the same articles", new Page<RelatedEntityDto>
            {
                Items =
                [
                    new() { Id = 3, Name = "برلمان زهران", Type = EntityType.Organization, Count = 6 },
                    new() { Id = 2, Name = "ليلى المنصوري", Type = EntityType.Person, Count = 5 },
                ],
                NextCursor = Cursor.Encode("r1", 4, 1),
            }),
            [400] = ProblemExamples.Invalid("A limit out of range", "limit", "must be a whole number from 1 to 100"),
            [404] = NotFound,
        },
    };

    public static OperationExamples Create { get; } = new()
    {
        Request = new("A new organisation with a second spelling", new EntityWriteRequest
        {
            Name = "هيئة الرقابة المالية",
            Type = "organization",
            Aliases = ["الهيئة المستقلة لمراقبة المالية العامة"],
        }),
        Responses =
        {
            [201] = new("Created", Oversight),
            [200] = new("Found: it was already in the catalogue", Oversight),
            [400] = BadType,
            [409] = ProblemExamples.Problem("A name another entity has", 409, "Conflict", "another entity of this type already has this name; combine them with mergeEntities"),
        },
    };

    public static OperationExamples Update { get; } = new()
    {
        Parameters = { ["id"] = Haddad.Id },
        Request = new("A fuller name; the old one stays an alias", new EntityWriteRequest { Name = "يوسف سالم الحداد", Type = "person" }),
        Responses =
        {
            [200] = new("Renamed", new EntityDto
            {
                Id = 1, Name = "يوسف سالم الحداد", Type = EntityType.Person, Aliases = ["الحداد", "Youssef Haddad", "يوسف الحداد"], ArticleCount = 11,
            }),
            [400] = BadType,
            [404] = WriteNotFound,
            [409] = ProblemExamples.Problem("Another person has the name", 409, "Conflict", "another entity of this type already has this name; combine them with mergeEntities"),
            [412] = ProblemExamples.Problem("A stale If-Match", 412, "Precondition failed", "The resource has changed since the ETag in If-Match; fetch it again and retry."),
        },
    };

    public static OperationExamples Aliases { get; } = new()
    {
        Parameters = { ["id"] = 2 },
        Request = new("Two transliterations", new AliasRequest { Aliases = ["Layla Al Mansouri", "Leila Mansouri"] }),
        Responses =
        {
            [200] = new("The entity with every spelling", new EntityDto
            {
                Id = 2, Name = "ليلى المنصوري", Type = EntityType.Person, ArticleCount = 17,
                Aliases = ["المنصوري", "Layla Al-Mansouri", "Layla Al Mansouri", "Leila Mansouri"],
            }),
            [400] = ProblemExamples.Invalid("No alias given", "alias", "is required (or give aliases: [...])"),
            [404] = WriteNotFound,
        },
    };

    public static OperationExamples Merge { get; } = new()
    {
        Parameters = { ["id"] = Haddad.Id },
        Request = new("Two duplicates of يوسف الحداد", new MergeRequest { From = [112, 115] }),
        Responses =
        {
            [200] = new("The entity that absorbed them", new EntityDto
            {
                Id = 1, Name = "يوسف الحداد", Type = EntityType.Person, Aliases = ["الحداد", "Youssef Haddad", "يوسف حداد", "Yousef Al-Haddad"], ArticleCount = 13,
            }),
            [400] = ProblemExamples.Invalid("Merging an entity into itself", "ids", "must not contain the entity merged into"),
            [404] = WriteNotFound,
        },
    };

    public static OperationExamples Delete { get; } = new()
    {
        Parameters = { ["id"] = 2 },
        Responses =
        {
            [404] = WriteNotFound,
            [412] = ProblemExamples.Problem("A stale If-Match", 412, "Precondition failed", "The resource has changed since the ETag in If-Match; fetch it again and retry."),
        },
    };
}
