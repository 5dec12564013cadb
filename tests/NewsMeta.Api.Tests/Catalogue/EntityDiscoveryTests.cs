using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Catalogue;

/// <summary>Articles written into a catalogue that does not know their names get discovered entities of the right types.</summary>
public sealed class EntityDiscoveryTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_article_into_an_empty_catalogue_yields_discovered_people_organisations_and_places()
    {
        var article = await PutAsync("discovery-one", "الرئيس الروسي يلتقي الملياردير نبيل الساعدي",
            "التقى الرئيس الروسي فلاديمير بوتين الملياردير نبيل الساعدي في القاهرة. وقال الساعدي إن اللقاء مثمر. ونقلت صحيفة «الفجر الجديد» عن مصدر في وزارة النقل أن الاتفاق جاهز.");

        var person = Linked(article, "نبيل الساعدي");
        Assert.Equal("person", person["type"]!.GetValue<string>());
        Assert.Equal("organization", Linked(article, "وزارة النقل")["type"]!.GetValue<string>());
        Assert.Equal("location", Linked(article, "القاهرة")["type"]!.GetValue<string>());
        Assert.Equal("person", Linked(article, "فلاديمير بوتين")["type"]!.GetValue<string>());

        var entity = await (await _client.GetAsync($"/api/v1/entities/{person["id"]}", Ct)).NodeAsync();
        Assert.Equal("discovered", entity["status"]!.GetValue<string>());
        Assert.Contains("الساعدي", entity["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        var first = entity["confidence"]!.GetValue<double>();
        Assert.InRange(first, 0.01, 1.0);
        Assert.Equal(1, entity["articleCount"]!.GetValue<int>());

        // Seen in a second article: the same entity, more sure.
        var second = await PutAsync("discovery-two", "الساعدي يفتتح مصنعا جديدا",
            "افتتح الملياردير نبيل الساعدي مصنعا جديدا في القاهرة بحضور مسؤولين.");
        Assert.Equal(person["id"]!.GetValue<int>(), Linked(second, "نبيل الساعدي")["id"]!.GetValue<int>());
        var again = await (await _client.GetAsync($"/api/v1/entities/{person["id"]}", Ct)).NodeAsync();
        Assert.True(again["confidence"]!.GetValue<double>() > first, again.ToJsonString());
        Assert.Equal(2, again["articleCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_name_the_confirmed_catalogue_knows_is_linked_to_it_and_not_discovered_again()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/entities", new { name = "هاني العطار", type = "person" }, Ct);
        var confirmedId = (await created.NodeAsync())["id"]!.GetValue<int>();

        var article = await PutAsync("discovery-known", "الملياردير هاني العطار يزور عمان",
            "وصل الملياردير هاني العطار إلى عمان في زيارة تستمر يومين.");

        Assert.Equal(confirmedId, Linked(article, "هاني العطار")["id"]!.GetValue<int>());
        var discovered = await (await _client.GetAsync("/api/v1/entities?status=discovered&q=هاني&limit=100", Ct)).NodeAsync();
        Assert.Empty(discovered["items"]!.AsArray());
    }

    [Fact]
    public async Task No_extracted_keyphrase_repeats_a_name_or_alias_of_the_articles_entities()
    {
        var article = await PutAsync("discovery-keyphrases", "الملياردير رياض القباني يشتري ميناء",
            "اشترى الملياردير رياض القباني ميناء تجاريا. وقال القباني إن الميناء سيتوسع. وأضاف القباني أن عمال الميناء سيحصلون على عقود جديدة، وأكد القباني أن الاستثمار طويل. وختم القباني بأن الميناء مفتوح للجميع.");

        Assert.Equal("person", Linked(article, "رياض القباني")["type"]!.GetValue<string>());
        var keywords = article["keywords"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(keywords);
        Assert.DoesNotContain(keywords, k => k.Contains("القباني", StringComparison.Ordinal) || k.Contains("رياض", StringComparison.Ordinal));
    }

    private async Task<JsonNode> PutAsync(string externalId, string title, string body)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-29T08:00:00Z",
            source = new { name = "وكالة الأنباء المتحدة", kind = "agency" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.NodeAsync();
    }

    private static JsonNode Linked(JsonNode article, string name) =>
        article["entities"]!.AsArray().SingleOrDefault(e => e!["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"{name} is not among {article["entities"]!.ToJsonString()}");
}
