using System.Net;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>Mutations use the REST rules: API-key scopes, the record validator, the one writer.</summary>
public sealed class GraphQLMutationTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Upsert = """
        mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) {
          created status userErrors { field message }
          article { databaseId externalId title source { name kind } credits { name } keywords { name } entities { entity { name type } origin } links { kind target { databaseId } } } } }
        """;

    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Article(string externalId, string title) => new
    {
        externalId,
        title,
        body = "أعلنت بلدية الريان عن خطة لتشجير الشوارع الرئيسية خلال الربيع.",
        language = "ar",
        publishedAt = "2026-11-20T09:00:00Z",
        source = new { name = "صحيفة الشروق اليومية", kind = "NEWSPAPER" },
        credits = new[] { new { name = "وكالة زهران للأنباء", kind = "AGENCY" } },
        keywords = new[] { "تشجير", "بلدية الريان" },
        entities = new[] { new { name = "بلدية الريان", type = "ORGANIZATION", aliases = new[] { "Rayyan Municipality" } } },
        links = new[] { new { externalId = "missing-target-for-now", kind = "RELATED" } },
    };

    [Fact]
    public async Task Upsert_creates_then_updates_then_reports_unchanged_and_rest_sees_it()
    {
        var created = (await _writer.GraphQLAsync(Upsert, new { input = Article("gql-trees-1", "خطة لتشجير الشوارع") })).Data["upsertArticle"]!;
        Assert.True(created["created"]!.GetValue<bool>());
        Assert.Equal("CREATED", created["status"]!.GetValue<string>());
        Assert.Empty(created["userErrors"]!.AsArray());
        var id = created["article"]!["databaseId"]!.GetValue<int>();
        Assert.Equal("AGENCY", (await (await _writer.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync())["credits"]![0]!["kind"]!.GetValue<string>().ToUpperInvariant());

        var updated = (await _writer.GraphQLAsync(Upsert, new { input = Article("gql-trees-1", "خطة موسعة لتشجير الشوارع") })).Data["upsertArticle"]!;
        Assert.False(updated["created"]!.GetValue<bool>());
        Assert.Equal("UPDATED", updated["status"]!.GetValue<string>());
        Assert.Equal(id, updated["article"]!["databaseId"]!.GetValue<int>());
        var rest = await (await _writer.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();
        Assert.Equal("خطة موسعة لتشجير الشوارع", rest["title"]!.GetValue<string>());

        var again = (await _writer.GraphQLAsync(Upsert, new { input = Article("gql-trees-1", "خطة موسعة لتشجير الشوارع") })).Data["upsertArticle"]!;
        Assert.Equal("UNCHANGED", again["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_input_gives_user_errors_per_field_and_stores_nothing()
    {
        var input = new
        {
            externalId = "gql-invalid-1",
            title = new string('x', 501),
            body = "نص",
            language = "not a tag!",
            publishedAt = "2026-11-20T09:00:00Z",
            updatedAt = "2026-11-19T09:00:00Z",
            source = new { name = " ", kind = "NEWSPAPER" },
            url = "ftp://example.test/x",
        };
        var payload = (await _writer.GraphQLAsync(Upsert, new { input })).Data["upsertArticle"]!;
        var fields = payload["userErrors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "title", "language", "updatedAt", "source.name", "url" }, fields);
        Assert.Null(payload["article"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.GetAsync("/api/v1/articles/by-external-id/gql-invalid-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Url_taken_by_another_article_is_a_user_error()
    {
        var taken = (await (await _writer.GetAsync("/api/v1/articles/1", Ct)).NodeAsync())["url"]!.GetValue<string>();
        var payload = (await _writer.GraphQLAsync(Upsert, new { input = new { externalId = "gql-url-clash", title = "t", body = "b", language = "ar", publishedAt = "2026-11-20T09:00:00Z", url = taken, source = new { name = "s", kind = "SITE" } } })).Data["upsertArticle"]!;
        Assert.Equal("REJECTED", payload["status"]!.GetValue<string>());
        Assert.Contains(payload["userErrors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "url");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    [InlineData(NewsMetaFactory.ReadKey, HttpStatusCode.Forbidden, "FORBIDDEN")]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    public async Task Mutations_need_the_write_scope(string? key, HttpStatusCode status, string code)
    {
        var response = await factory.ClientWithKey(key).GraphQLAsync(Upsert, new { input = Article("gql-no-key", "بلا مفتاح") });
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.FirstCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.GetAsync("/api/v1/articles/by-external-id/gql-no-key", Ct)).StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_article_and_reports_unknown_ids()
    {
        var id = (await _writer.GraphQLAsync(Upsert, new { input = Article("gql-delete-me", "للحذف") })).Data["upsertArticle"]!["article"]!["databaseId"]!.GetValue<int>();
        var deleted = (await _writer.GraphQLAsync("mutation($id: ID!) { deleteArticle(id: $id) { deletedId deletedDatabaseId userErrors { field } } }",
            new { id = GraphQLClient.GlobalId("Article", id) })).Data["deleteArticle"]!;
        Assert.Equal(id, deleted["deletedDatabaseId"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.GetAsync($"/api/v1/articles/{id}", Ct)).StatusCode);

        var again = (await _writer.GraphQLAsync("mutation($id: ID!) { deleteArticle(id: $id) { deletedId userErrors { field message } } }", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Data["deleteArticle"]!;
        Assert.Null(again["deletedId"]);
        Assert.Equal("id", again["userErrors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_entity_creates_finds_by_alias_and_renames_keeping_the_old_name()
    {
        const string Mutation = "mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { created entity { id databaseId name type aliases } userErrors { field message } } }";
        var created = (await _writer.GraphQLAsync(Mutation, new { input = new { name = "مرصد الساحل للبيئة", type = "ORGANIZATION", aliases = new[] { "Coastal Environment Observatory" } } })).Data["upsertEntity"]!;
        Assert.True(created["created"]!.GetValue<bool>());
        var id = created["entity"]!["id"]!.GetValue<string>();

        var byAlias = (await _writer.GraphQLAsync(Mutation, new { input = new { name = "coastal environment observatory", type = "ORGANIZATION" } })).Data["upsertEntity"]!;
        Assert.False(byAlias["created"]!.GetValue<bool>());
        Assert.Equal(id, byAlias["entity"]!["id"]!.GetValue<string>());

        var renamed = (await _writer.GraphQLAsync(Mutation, new { input = new { id, name = "مرصد الساحل", type = "ORGANIZATION" } })).Data["upsertEntity"]!["entity"]!;
        Assert.Equal("مرصد الساحل", renamed["name"]!.GetValue<string>());
        Assert.Contains("مرصد الساحل للبيئة", renamed["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));

        var clash = (await _writer.GraphQLAsync(Mutation, new { input = new { id, name = "وزارة الاقتصاد", type = "ORGANIZATION" } })).Data["upsertEntity"]!;
        Assert.Equal("name", clash["userErrors"]![0]!["field"]!.GetValue<string>());
        var empty = (await _writer.GraphQLAsync(Mutation, new { input = new { name = "  ", type = "PERSON" } })).Data["upsertEntity"]!;
        Assert.Equal("name", empty["userErrors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Add_alias_makes_the_entity_findable_by_it()
    {
        var payload = (await _writer.GraphQLAsync("mutation { addEntityAlias(entityId: \"1\", alias: \"الرئيس الحداد\") { entity { aliases } userErrors { field } } }")).Data["addEntityAlias"]!;
        Assert.Contains("الرئيس الحداد", payload["entity"]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        var found = (await _writer.GraphQLAsync("{ entities(where: { search: \"الرئيس الحد\" }) { nodes { databaseId } } }")).Data;
        Assert.Contains(found["entities"]!["nodes"]!.AsArray(), e => e!["databaseId"]!.GetValue<int>() == 1);
        var missing = (await _writer.GraphQLAsync("mutation { addEntityAlias(entityId: \"999999\", alias: \"x\") { userErrors { field } } }")).Data["addEntityAlias"]!;
        Assert.Equal("entityId", missing["userErrors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Merge_moves_mentions_adds_aliases_and_deletes_the_duplicates()
    {
        const string Create = "mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { article { databaseId } } }";
        object Input(string ext, string entity) => new
        {
            externalId = ext,
            title = "مقال " + ext,
            body = "نص",
            language = "ar",
            publishedAt = "2026-11-21T09:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "SITE" },
            entities = new[] { new { name = entity, type = "PERSON" } },
        };
        await _writer.GraphQLAsync(Create, new { input = Input("gql-merge-a", "فادي النجار") });
        await _writer.GraphQLAsync(Create, new { input = Input("gql-merge-b", "Fadi Najjar") });
        var ids = (await _writer.GraphQLAsync("{ a: entities(where: { search: \"فادي\" }) { nodes { databaseId } } b: entities(where: { search: \"Fadi\" }) { nodes { databaseId } } }")).Data;
        var target = ids["a"]!["nodes"]![0]!["databaseId"]!.GetValue<int>();
        var duplicate = ids["b"]!["nodes"]![0]!["databaseId"]!.GetValue<int>();
        Assert.NotEqual(target, duplicate);

        var merged = (await _writer.GraphQLAsync("mutation($into: ID!, $ids: [ID!]!) { mergeEntities(intoId: $into, ids: $ids) { entity { databaseId articleCount aliases articles { nodes { externalId } } } userErrors { field } } }",
            new { into = target.ToString(System.Globalization.CultureInfo.InvariantCulture), ids = new[] { duplicate.ToString(System.Globalization.CultureInfo.InvariantCulture) } })).Data["mergeEntities"]!;
        Assert.Empty(merged["userErrors"]!.AsArray());
        Assert.Equal(2, merged["entity"]!["articleCount"]!.GetValue<int>());
        Assert.Contains("Fadi Najjar", merged["entity"]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.GetAsync($"/api/v1/entities/{duplicate}", Ct)).StatusCode);
        var article = await (await _writer.GetAsync("/api/v1/articles/by-external-id/gql-merge-b", Ct)).NodeAsync();
        Assert.Equal(target, article["entities"]![0]!["id"]!.GetValue<int>());

        var self = (await _writer.GraphQLAsync("mutation($into: ID!) { mergeEntities(intoId: $into, ids: [$into]) { userErrors { field } } }", new { into = target.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Data["mergeEntities"]!;
        Assert.Equal("ids", self["userErrors"]![0]!["field"]!.GetValue<string>());
    }
}
