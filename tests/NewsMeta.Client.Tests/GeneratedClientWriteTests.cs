using System.Net;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Client.Generated.Models;

namespace NewsMeta.Client.Tests;

/// <summary>Writes through the generated client with the write key, and the problems a partner gets wrong keys for.</summary>
public sealed class GeneratedClientWriteTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ArticleRecord Invented(string title) => new()
    {
        Title = title,
        Summary = "An invented article for the generated client's tests.",
        Body = "First paragraph of an invented story about the Harbour Lantern Festival.\n\nSecond paragraph.",
        Language = "en",
        PublishedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero),
        Url = "https://partner.example/en/2026/11/20/lantern-festival",
        Source = new SourceRecord { Name = "Partner Example Daily", Kind = "newspaper" },
        Credits = [],
        Keywords = ["Harbour Lantern Festival"],
        Entities = [new EntityRecord { Name = "Harbour Lantern Festival", Type = "event", Aliases = [] }],
        Links = [],
    };

    [Fact]
    public async Task Upserts_an_article_with_the_write_key_and_reads_it_back()
    {
        var writer = KiotaClient.For(factory, NewsMetaFactory.WriteKey);
        var created = await writer.Api.Api.V1.Articles.ByExternalId["kiota-partner-0001"].PutAsync(Invented("Lanterns light up the harbour"), cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, writer.Statuses.Last);
        Assert.NotNull(created?.Id);
        Assert.Equal("kiota-partner-0001", created.ExternalId);
        Assert.Equal("Partner Example Daily", created.Source!.Name);

        var updated = await writer.Api.Api.V1.Articles.ByExternalId["kiota-partner-0001"].PutAsync(Invented("Lanterns light up the harbour again"), cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, writer.Statuses.Last);
        Assert.Equal(created.Id, updated!.Id);

        var reader = KiotaClient.For(factory);
        var readBack = await reader.Api.Api.V1.Articles[created.Id.Value].GetAsync(cancellationToken: Ct);
        Assert.Equal("Lanterns light up the harbour again", readBack!.Title);
        Assert.Equal("kiota-partner-0001", readBack.ExternalId);
        Assert.Contains(readBack.Keywords!, k => k.Name == "Harbour Lantern Festival");
        var byExternalId = await reader.Api.Api.V1.Articles.ByExternalId["kiota-partner-0001"].GetAsync(cancellationToken: Ct);
        Assert.Equal(created.Id, byExternalId!.Id);
    }

    [Fact]
    public async Task An_invalid_record_is_a_typed_validation_problem()
    {
        var writer = KiotaClient.For(factory, NewsMetaFactory.WriteKey);
        var record = Invented("");
        record.Language = "not a language";
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            writer.Api.Api.V1.Articles.ByExternalId["kiota-partner-invalid"].PutAsync(record, cancellationToken: Ct));
        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.NotEmpty(KiotaClient.Messages(problem.Errors?.AdditionalData, "title"));
        Assert.NotEmpty(KiotaClient.Messages(problem.Errors?.AdditionalData, "language"));
        await Assert.ThrowsAsync<ProblemDetails>(() => writer.Api.Api.V1.Articles.ByExternalId["kiota-partner-invalid"].GetAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Without_the_write_key_an_upsert_is_a_typed_401_problem()
    {
        var anonymous = KiotaClient.For(factory);
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            anonymous.Api.Api.V1.Articles.ByExternalId["kiota-partner-0002"].PutAsync(Invented("Not stored"), cancellationToken: Ct));
        Assert.Equal(401, problem.ResponseStatusCode);
        Assert.Equal(401, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));

        var readOnly = KiotaClient.For(factory, NewsMetaFactory.ReadKey);
        var forbidden = await Assert.ThrowsAsync<ProblemDetails>(() =>
            readOnly.Api.Api.V1.Articles.ByExternalId["kiota-partner-0002"].PutAsync(Invented("Not stored"), cancellationToken: Ct));
        Assert.Equal(403, forbidden.Status);

        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => anonymous.Api.Api.V1.Articles.ByExternalId["kiota-partner-0002"].GetAsync(cancellationToken: Ct));
        Assert.Equal(404, missing.Status);
    }
}
