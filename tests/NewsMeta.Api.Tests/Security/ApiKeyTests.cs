using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>Database API keys: scoped, stored only as hashes, revocable, never logged.</summary>
public sealed class ApiKeyTests : IClassFixture<ApiKeyTests.Factory>
{
    private readonly Factory _factory;

    public ApiKeyTests(Factory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_key_writes_with_its_scopes_until_it_is_revoked()
    {
        var writer = await CreateAsync("partner-write", Scopes.Read, Scopes.Write);
        var reader = await CreateAsync("partner-read", Scopes.Read);

        Assert.Equal(HttpStatusCode.Created, (await PutAsync(writer, "key-a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(reader, "key-b")).StatusCode);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().RevokeAsync("partner-write", Ct));
        }

        var revoked = await PutAsync(writer, "key-c");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var key = await CreateAsync("partner-hash", Scopes.Read);
        await using var scope = _factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().ApiKeys.SingleAsync(k => k.Name == "partner-hash", Ct);
        Assert.Equal(ApiKeyStore.HashOf(key), row.Hash);
        Assert.DoesNotContain(key, string.Join('|', row.Name, row.Hash, row.Prefix, row.Scopes), StringComparison.Ordinal);
        Assert.True(key.Length >= 40, "a key carries 256 random bits");
        Assert.StartsWith(row.Prefix, key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_malformed_and_repeated_keys_are_401_problems()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync("nm_made-up", "key-d")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(new string('k', 5000), "key-e")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/articles/1");
        request.Headers.TryAddWithoutValidation("X-Api-Key", [NewsMetaFactory.WriteKey, NewsMetaFactory.WriteKey]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().SendAsync(request, Ct)).StatusCode);
    }

    [Fact]
    public async Task No_log_line_ever_holds_a_key()
    {
        var key = await CreateAsync("partner-logs", Scopes.Read, Scopes.Write);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(key, "key-f")).StatusCode);
        await PutAsync(key + "x", "key-g");
        await PutAsync(NewsMetaFactory.WriteKey, "key-h");
        await _factory.ClientWithKey(key).GraphQLAsync("{ articles(first: 1) { totalCount } }");

        Assert.NotEmpty(_factory.Logs.Lines);
        Assert.DoesNotContain(_factory.Logs.Lines, l => l.Contains(key[3..], StringComparison.Ordinal) || l.Contains(NewsMetaFactory.WriteKey, StringComparison.Ordinal));
    }

    private async Task<string> CreateAsync(string name, params string[] scopes)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name, scopes, Ct))!;
    }

    private Task<HttpResponseMessage> PutAsync(string key, string externalId) =>
        _factory.ClientWithKey(key).PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title = "اختبار مفاتيح الشركاء",
            body = "نص قصير.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
        }, Ct);

    /// <summary>No key cache (revocation shows at once) and every log line at every level captured.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["Auth:KeyCacheSeconds"] = "0";
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}

/// <summary>Keeps every formatted log message (with its exception) for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{formatter(state, exception)} {exception}");
    }
}
