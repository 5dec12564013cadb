using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Client.Generated.Models;

namespace NewsMeta.Client.Tests;

/// <summary>Reads through the Kiota client generated from the served OpenAPI document, on the sample corpus.</summary>
public sealed class GeneratedClientReadTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly KiotaClient _client = KiotaClient.For(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_client_was_generated_from_the_live_document()
    {
        await using var embedded = typeof(KiotaClient).Assembly.GetManifestResourceStream("kiota/openapi.json")
            ?? throw new InvalidOperationException("the generated document is not embedded");
        var generatedFrom = await JsonNode.ParseAsync(embedded, cancellationToken: Ct);
        var live = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json", Ct));

        // Build again (dotnet build tests/NewsMeta.Client.Tests) when this fails: the client is stale.
        Assert.True(JsonNode.DeepEquals(generatedFrom, live), "the client was generated from another document than /swagger/v1/swagger.json");
        Assert.NotEmpty(live!["paths"]!.AsObject());
    }

    [Fact]
    public async Task Lists_articles_with_filters()
    {
        var english = await _client.Api.Api.V1.Articles.GetAsync(r => r.QueryParameters.Language = "en", Ct);
        Assert.NotNull(english?.Items);
        var expectedEnglish = TestJson.SampleRecords().Count(r => (string?)r["language"] == "en");
        Assert.Equal(expectedEnglish, english.Items.Count);
        Assert.All(english.Items, a => Assert.Equal("en", a.Language));
        Assert.Null(english.NextCursor);

        var article = await _client.Api.Api.V1.Articles[english.Items[0].Id!.Value].GetAsync(cancellationToken: Ct);
        var sourceId = article!.Source!.Id!.Value;
        var bySource = await _client.Api.Api.V1.Articles.GetAsync(r => r.QueryParameters.Source = [sourceId], Ct);
        Assert.NotEmpty(bySource!.Items!);
        Assert.All(bySource.Items!, a => Assert.Equal(sourceId, a.Source!.Id));
        Assert.Contains(bySource.Items!, a => a.Id == article.Id);

        var entityId = article.Entities!.First().Id!.Value;
        var byEntity = await _client.Api.Api.V1.Articles.GetAsync(r => r.QueryParameters.Entity = [entityId], Ct);
        Assert.Contains(byEntity!.Items!, a => a.Id == article.Id);
        foreach (var item in byEntity.Items!)
        {
            var full = await _client.Api.Api.V1.Articles[item.Id!.Value].GetAsync(cancellationToken: Ct);
            Assert.Contains(full!.Entities!, e => e.Id == entityId);
        }

        var oldestFirst = await _client.Api.Api.V1.Articles.GetAsync(r =>
        {
            r.QueryParameters.Sort = "publishedAt";
            r.QueryParameters.Limit = 5;
        }, Ct);
        Assert.Equal(5, oldestFirst!.Items!.Count);
        Assert.Equal(oldestFirst.Items.OrderBy(a => a.PublishedAt).Select(a => a.Id), oldestFirst.Items.Select(a => a.Id));
        Assert.NotNull(oldestFirst.NextCursor);

        // Typed filters: a date-time window and a boolean.
        var from = oldestFirst.Items[1].PublishedAt!.Value;
        var to = oldestFirst.Items[3].PublishedAt!.Value;
        var window = await _client.Api.Api.V1.Articles.GetAsync(r =>
        {
            r.QueryParameters.PublishedFrom = from;
            r.QueryParameters.PublishedTo = to;
            r.QueryParameters.Sort = "publishedAt";
        }, Ct);
        Assert.NotEmpty(window!.Items!);
        Assert.All(window.Items!, a => Assert.InRange(a.PublishedAt!.Value, from, to.AddTicks(-1)));
        Assert.Contains(window.Items!, a => a.Id == oldestFirst.Items[1].Id);

        var republished = await _client.Api.Api.V1.Articles.GetAsync(r => r.QueryParameters.IsRepublication = true, Ct);
        var own = await _client.Api.Api.V1.Articles.GetAsync(r => r.QueryParameters.IsRepublication = false, Ct);
        Assert.All(republished!.Items!, a => Assert.NotEmpty(a.Credits!));
        Assert.All(own!.Items!, a => Assert.Empty(a.Credits!));
        Assert.NotEmpty(republished.Items!);
        Assert.NotEmpty(own.Items!);
    }

    [Fact]
    public async Task Pages_through_every_article_with_the_cursor()
    {
        var ids = new List<int>();
        var published = new List<DateTimeOffset>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.Api.Api.V1.Articles.GetAsync(r =>
            {
                r.QueryParameters.Limit = 7;
                r.QueryParameters.Cursor = cursor;
            }, Ct);
            Assert.NotNull(page?.Items);
            Assert.InRange(page.Items.Count, 1, 7);
            ids.AddRange(page.Items.Select(a => a.Id!.Value));
            published.AddRange(page.Items.Select(a => a.PublishedAt!.Value));
            cursor = page.NextCursor;
            Assert.True(++pages <= 20, "the cursor never ends");
        }
        while (cursor is not null);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(TestJson.SampleRecords().Count, ids.Count);
        Assert.Equal(published.OrderDescending(), published);
        Assert.Equal((ids.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task Fetches_one_article_by_id_and_by_externalId()
    {
        var first = (await _client.Api.Api.V1.Articles.GetAsync(r => r.QueryParameters.Limit = 1, Ct))!.Items!.Single();

        var byId = await _client.Api.Api.V1.Articles[first.Id!.Value].GetAsync(cancellationToken: Ct);
        Assert.NotNull(byId);
        Assert.Equal(first.ExternalId, byId.ExternalId);
        Assert.Equal(first.Title, byId.Title);
        Assert.False(string.IsNullOrWhiteSpace(byId.Body));
        Assert.NotEmpty(byId.Entities!);

        var byExternalId = await _client.Api.Api.V1.Articles.ByExternalId[first.ExternalId!].GetAsync(cancellationToken: Ct);
        Assert.NotNull(byExternalId);
        Assert.Equal(first.Id, byExternalId.Id);
        Assert.Equal(byId.Body, byExternalId.Body);
        Assert.Equal(byId.Source!.Name, byExternalId.Source!.Name);
    }

    [Fact]
    public async Task A_missing_article_is_a_typed_404_problem()
    {
        var byId = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Api.V1.Articles[987654].GetAsync(cancellationToken: Ct));
        Assert.Equal(404, byId.ResponseStatusCode);
        Assert.Equal(404, byId.Status);
        Assert.Equal("Not found", byId.Title, ignoreCase: true);
        Assert.Contains("987654", byId.Detail, StringComparison.Ordinal);
        Assert.True(byId.AdditionalData.ContainsKey("traceId"));

        var byExternalId = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Api.V1.Articles.ByExternalId["no-such-article"].GetAsync(cancellationToken: Ct));
        Assert.Equal(404, byExternalId.Status);
        Assert.Contains("no-such-article", byExternalId.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_filters_are_a_typed_validation_problem()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => _client.Api.Api.V1.Articles.GetAsync(r =>
        {
            r.QueryParameters.Limit = 0;
            r.QueryParameters.Sort = "sideways";
        }, Ct));
        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.NotEmpty(KiotaClient.Messages(problem.Errors?.AdditionalData, "limit"));
        Assert.NotEmpty(KiotaClient.Messages(problem.Errors?.AdditionalData, "sort"));
    }
}
