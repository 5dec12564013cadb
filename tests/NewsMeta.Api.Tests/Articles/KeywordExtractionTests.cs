using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>Keywords extracted by TF-IDF when the publisher gave fewer than three, through REST and GraphQL.</summary>
public sealed class KeywordExtractionTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_article_with_one_publisher_keyword_gets_salient_terms_marked_extracted_after_it()
    {
        const string Body = "افتتحت محطة التحلية الجديدة في مدينة الرمال. وتنتج محطة التحلية مياه الشرب لسكان الأحياء الشرقية. " +
            "وقال المهندسون إن محطة التحلية تعمل بالطاقة الشمسية، وإن الطاقة الشمسية تغطي نصف حاجتها.";
        var id = await PutAsync("extract-a", "افتتاح محطة التحلية", Body, ["مياه"]);

        var keywords = (await ArticleAsync(id))["keywords"]!.AsArray();
        Assert.Equal(("مياه", "publisher"), Pair(keywords[0]!));
        var extracted = keywords.Skip(1).Select(k => Pair(k!)).ToList();
        Assert.Equal(4, extracted.Count);
        Assert.All(extracted, k => Assert.Equal("extracted", k.Origin));
        // The repeated phrase wins over its own words, and the title's words count most.
        Assert.Equal("محطة التحلية", extracted[0].Name);
        Assert.Contains(("الطاقة الشمسية", "extracted"), extracted);
        Assert.DoesNotContain(extracted, k => k.Name is "محطة" or "التحلية" or "مياه");

        // Extracted keywords are catalogue keywords like any other: counted and listed with the article.
        var phraseId = keywords[1]!["id"]!.GetValue<int>();
        var keyword = await (await _client.GetAsync($"/api/v1/keywords/{phraseId}", Ct)).NodeAsync();
        Assert.Equal(1, keyword["articleCount"]!.GetValue<int>());
        var tagged = await (await _client.GetAsync($"/api/v1/keywords/{phraseId}/articles", Ct)).NodeAsync();
        Assert.Equal(id, Assert.Single(tagged["items"]!.AsArray())!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Three_publisher_keywords_are_enough_and_nothing_is_extracted()
    {
        var id = await PutAsync("extract-b", "موسم قطف الزيتون", "بدأ موسم قطف الزيتون في قرى الجبل. وقطف المزارعون الزيتون مبكرا هذا العام.",
            ["زيتون", "زراعة", "قرى الجبل"]);
        var keywords = (await ArticleAsync(id))["keywords"]!.AsArray();
        Assert.Equal(["publisher", "publisher", "publisher"], keywords.Select(k => k!["origin"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_word_common_in_the_store_ranks_below_an_equally_frequent_rare_one()
    {
        // "القافلة" is in many stored articles; "الزعفران" in none.
        for (var i = 0; i < 8; i++)
        {
            await PutAsync($"extract-common-{i}", $"خبر رقم {i}", "وصلت القافلة إلى البلدة مساء أمس.", ["قوافل", "بلدات", "سفر"]);
        }

        var id = await PutAsync("extract-c", "خبر من السوق", "نقلت القافلة الزعفران. ووزعت القافلة الزعفران. وعادت القافلة ومعها الزعفران.", []);
        var names = (await ArticleAsync(id))["keywords"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("القافلة", names);
        Assert.True(names.IndexOf("الزعفران") < names.IndexOf("القافلة"), string.Join(", ", names));
    }

    [Fact]
    public async Task Giving_three_keywords_on_update_replaces_the_extracted_ones_and_recounts()
    {
        var id = await PutAsync("extract-d", "سباق القوارب الشراعية", "انطلق سباق القوارب الشراعية من المرفأ. وشارك في سباق القوارب الشراعية عشرون فريقا.", ["رياضة"]);
        var extracted = (await ArticleAsync(id))["keywords"]!.AsArray().Where(k => k!["origin"]!.GetValue<string>() == "extracted")
            .Select(k => k!["id"]!.GetValue<int>()).ToList();
        Assert.NotEmpty(extracted);

        await PutAsync("extract-d", "سباق القوارب الشراعية", "انطلق سباق القوارب الشراعية من المرفأ.", ["رياضة", "قوارب", "مرافئ"]);
        Assert.All((await ArticleAsync(id))["keywords"]!.AsArray(), k => Assert.Equal("publisher", k!["origin"]!.GetValue<string>()));
        foreach (var keywordId in extracted)
        {
            var keyword = await (await _client.GetAsync($"/api/v1/keywords/{keywordId}", Ct)).NodeAsync();
            Assert.Equal(0, keyword["articleCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task GraphQL_shows_the_origin_of_each_keyword_of_an_article()
    {
        var id = await PutAsync("extract-e", "معرض الكتاب الدولي", "افتتح معرض الكتاب الدولي أبوابه. ويستضيف معرض الكتاب مئات الناشرين.", ["ثقافة"]);
        var response = await _client.GraphQLAsync("query($id: Int) { article(databaseId: $id) { keywords { name origin } } }", new { id });
        var keywords = response.Data["article"]!["keywords"]!.AsArray();
        Assert.Equal("PUBLISHER", keywords[0]!["origin"]!.GetValue<string>());
        Assert.Contains(keywords, k => k!["origin"]!.GetValue<string>() == "EXTRACTED");

        var catalogue = await _client.GraphQLAsync("{ keywords(first: 5) { nodes { origin } } }");
        Assert.All(catalogue.Data["keywords"]!["nodes"]!.AsArray(), k => Assert.Null(k!["origin"]));
    }

    private static (string Name, string Origin) Pair(JsonNode keyword) =>
        (keyword["name"]!.GetValue<string>(), keyword["origin"]!.GetValue<string>());

    private async Task<JsonNode> ArticleAsync(int id) => await (await _client.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();

    private async Task<int> PutAsync(string externalId, string title, string body, string[] keywords)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            keywords,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }
}
