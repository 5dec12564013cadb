using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// Content negotiation: schema.org NewsArticle (JSON-LD) and IPTC ninjs 2.1 for single articles and lists.
/// The ninjs checks are written from the 2.1 specification (property names, required uri, item shapes);
/// the JSON-LD checks from the schema.org types used.
/// </summary>
public sealed class ArticleFormatTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string JsonLd = "application/ld+json";
    private const string Ninjs = "application/vnd.iptc.ninjs+json";

    /// <summary>Top-level properties of a ninjs 2.1 item.</summary>
    private static readonly HashSet<string> NinjsProperties =
    [
        "uri", "standard", "type", "mimetype", "representationtype", "profile", "version", "firstcreated", "versioncreated", "contentcreated",
        "embargoed", "pubstatus", "urgency", "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language", "descriptions", "bodies",
        "headlines", "subjects", "events", "objects", "infosources", "title", "by", "slugline", "located", "renditions", "associations", "altids",
        "trustindicators", "genres", "people", "organisations", "places", "expires", "rightsinfo", "name", "bylines",
    ];

    /// <summary>The schema.org NewsArticle (CreativeWork, Thing) properties this service uses.</summary>
    private static readonly HashSet<string> NewsArticleProperties =
    [
        "@context", "@type", "@id", "identifier", "headline", "description", "articleBody", "inLanguage", "datePublished", "dateModified", "url",
        "sourceOrganization", "isBasedOn", "keywords", "about", "mentions", "alternativeHeadline", "author", "image", "articleSection", "wordCount",
    ];

    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JSON_LD_is_a_schema_org_NewsArticle_with_entities_as_about_and_mentions()
    {
        var id = await SeedAsync();
        var response = await GetAsync($"/api/v1/articles/{id}", JsonLd);
        Assert.Equal(JsonLd, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var doc = await response.NodeAsync();
        Assert.Subset(NewsArticleProperties, doc.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal(("https://schema.org", "NewsArticle"), (doc["@context"]!.GetValue<string>(), doc["@type"]!.GetValue<string>()));
        Assert.Equal("هيئة الموانئ تفتتح رصيفا جديدا", doc["headline"]!.GetValue<string>());
        Assert.Equal("2026-11-25T08:30:00Z", doc["datePublished"]!.GetValue<string>());
        Assert.Equal("ar", doc["inLanguage"]!.GetValue<string>());
        Assert.Equal(("NewsMediaOrganization", "صحيفة الساحل"), (doc["sourceOrganization"]!["@type"]!.GetValue<string>(), doc["sourceOrganization"]!["name"]!.GetValue<string>()));
        Assert.Equal("وكالة الرمال للأنباء", doc["isBasedOn"]![0]!["sourceOrganization"]!["name"]!.GetValue<string>());
        Assert.Equal("CreativeWork", doc["isBasedOn"]![0]!["@type"]!.GetValue<string>());
        Assert.Contains("موانئ", doc["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
        var about = doc["about"]!.AsArray().Select(t => (t!["@type"]!.GetValue<string>(), t["name"]!.GetValue<string>())).ToList();
        Assert.Contains(("Person", "ليلى المرجان"), about);
        Assert.Contains(("Organization", "هيئة الموانئ"), about);
        Assert.Contains(("Place", "مدينة الساحل"), about);
        // Mentions are the entities found in the text that the publisher did not tag.
        Assert.Contains(doc["mentions"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "سالم البحار" && m["@type"]!.GetValue<string>() == "Person");
        Assert.Contains("ليلى المرجان", doc["articleBody"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ninjs_holds_the_item_in_the_2_1_shape()
    {
        var id = await SeedAsync();
        var response = await GetAsync($"/api/v1/articles/{id}", Ninjs);
        Assert.Equal(Ninjs, response.Content.Headers.ContentType?.MediaType);
        var item = (await response.NodeAsync()).AsObject();
        Assert.Subset(NinjsProperties, item.Select(p => p.Key).ToHashSet());
        Assert.EndsWith($"/api/v1/articles/{id}", item["uri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("ninjs", "2.1"), (item["standard"]!["name"]!.GetValue<string>(), item["standard"]!["version"]!.GetValue<string>()));
        Assert.Equal("text", item["type"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", item["versioncreated"]!.GetValue<string>());
        Assert.Equal("هيئة الموانئ تفتتح رصيفا جديدا", item["headlines"]![0]!["value"]!.GetValue<string>());
        Assert.All(item["headlines"]!.AsArray().Concat(item["bodies"]!.AsArray()), t => Assert.Equal("text/plain", t!["contenttype"]!.GetValue<string>()));
        Assert.Equal("ninjs-1", item["altids"]![0]!["value"]!.GetValue<string>());
        Assert.Contains(item["people"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "ليلى المرجان");
        Assert.Contains(item["organisations"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "هيئة الموانئ");
        Assert.Contains(item["places"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "مدينة الساحل");
        Assert.Contains(item["subjects"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "موانئ");
        Assert.Equal([("صحيفة الساحل", "publisher"), ("وكالة الرمال للأنباء", "originator")],
            item["infosources"]!.AsArray().Select(s => (s!["name"]!.GetValue<string>(), s["role"]!.GetValue<string>())));
        // Every association is an item of its own: uri required, ours when the target is stored.
        var associations = item["associations"]!.AsArray();
        Assert.Contains(associations, a => a!["uri"]!.GetValue<string>() == "https://alsahel.example/old-pier");
        Assert.Contains(associations, a => a!["uri"]!.GetValue<string>().Contains("/api/v1/articles/", StringComparison.Ordinal) && a["name"]!.GetValue<string>() == "related");
        Assert.All(associations, a => Assert.False(string.IsNullOrEmpty(a!["uri"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Each_representation_has_its_own_etag_and_json_stays_the_default()
    {
        var id = await SeedAsync();
        var json = await GetAsync($"/api/v1/articles/{id}", "application/json");
        var ld = await GetAsync($"/api/v1/articles/by-external-id/ninjs-1", JsonLd);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", (await _client.GetAsync($"/api/v1/articles/{id}", Ct)).Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(json.Headers.ETag, ld.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        again.Headers.Accept.ParseAdd(JsonLd);
        again.Headers.IfNoneMatch.Add(ld.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again, Ct)).StatusCode);
        Assert.Equal(Ninjs, (await GetAsync($"/api/v1/articles/{id}", $"{JsonLd};q=0.5, {Ninjs}")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Lists_come_as_an_ItemList_or_as_ninjs_items_with_the_next_page_linked()
    {
        await SeedAsync();
        var ld = await GetAsync("/api/v1/articles?limit=2", JsonLd);
        Assert.Equal(JsonLd, ld.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(ld.Headers.GetValues("Link").Single());
        var list = await ld.NodeAsync();
        Assert.Equal("ItemList", list["@type"]!.GetValue<string>());
        Assert.Equal([1, 2], list["itemListElement"]!.AsArray().Select(e => e!["position"]!.GetValue<int>()));
        Assert.All(list["itemListElement"]!.AsArray(), e => Assert.Equal("NewsArticle", e!["item"]!["@type"]!.GetValue<string>()));

        var ninjs = await (await GetAsync("/api/v1/articles?limit=2", Ninjs)).NodeAsync();
        Assert.Equal(2, ninjs["items"]!.AsArray().Count);
        Assert.All(ninjs["items"]!.AsArray(), i => Assert.Subset(NinjsProperties, i!.AsObject().Select(p => p.Key).ToHashSet()));
        Assert.NotNull(ninjs["nextCursor"]);

        // The nested lists (an entity's, keyword's or source's articles) negotiate the same way.
        var article = await (await _client.GetAsync("/api/v1/articles/by-external-id/ninjs-1", Ct)).NodeAsync();
        var entity = article["entities"]![0]!["id"]!.GetValue<int>();
        var source = article["source"]!["id"]!.GetValue<int>();
        var ofEntity = await (await GetAsync($"/api/v1/entities/{entity}/articles", JsonLd)).NodeAsync();
        Assert.Equal("ItemList", ofEntity["@type"]!.GetValue<string>());
        Assert.Contains(ofEntity["itemListElement"]!.AsArray(), e => e!["item"]!["identifier"]!.GetValue<string>() == "ninjs-1");
        var ofSource = await (await GetAsync($"/api/v1/sources/{source}/articles", Ninjs)).NodeAsync();
        Assert.Contains(ofSource["items"]!.AsArray(), i => i!["altids"]![0]!["value"]!.GetValue<string>() == "ninjs-1");
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Clear();
        foreach (var type in accept.Split(','))
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(type.Trim()));
        }

        var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private async Task<int> SeedAsync()
    {
        await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/ninjs-target", new
        {
            title = "الرصيف القديم يغلق للصيانة",
            body = "أغلق الرصيف القديم.",
            language = "ar",
            publishedAt = "2026-11-24T08:00:00Z",
            source = new { name = "صحيفة الساحل", kind = "newspaper" },
            keywords = new[] { "موانئ", "صيانة", "أرصفة" },
        }, Ct);
        await _client.PostAsJsonAsync("/api/v1/entities", new { name = "سالم البحار", type = "person" }, Ct);
        var response = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/ninjs-1", new
        {
            title = "هيئة الموانئ تفتتح رصيفا جديدا",
            summary = "رصيف جديد لسفن الشحن في مدينة الساحل.",
            body = "افتتحت ليلى المرجان رئيسة هيئة الموانئ رصيفا جديدا في مدينة الساحل. وقال سالم البحار إن الرصيف يخدم سفن الشحن.",
            language = "ar",
            publishedAt = "2026-11-25T08:30:00Z",
            source = new { name = "صحيفة الساحل", kind = "newspaper" },
            credits = new[] { new { name = "وكالة الرمال للأنباء", kind = "agency" } },
            keywords = new[] { "موانئ", "شحن", "أرصفة" },
            entities = new[] { new { name = "ليلى المرجان", type = "person" }, new { name = "هيئة الموانئ", type = "organization" }, new { name = "مدينة الساحل", type = "location" } },
            links = new object[] { new { externalId = "ninjs-target", kind = "related" }, new { url = "https://alsahel.example/old-pier", title = "الرصيف القديم", kind = "readAlso" } },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }
}
