using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>An NDJSON line longer than the limit is refused as it streams past, never read whole; the lines after it still import.</summary>
public sealed class NdjsonLongLineTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string GoodLine(string externalId) => $$$"""{"externalId":"{{{externalId}}}","title":"خبر بعد السطر الطويل","body":"نص.","language":"ar","publishedAt":"2026-11-27T09:00:00Z","source":{"name":"صحيفة","kind":"newspaper"}}""";

    [Fact]
    public async Task A_line_of_20_MB_is_rejected_with_its_number_and_the_next_line_imports()
    {
        var body = new GeneratedStream(Encoding.UTF8.GetBytes("{\"title\":\""), 20_000_000, Encoding.UTF8.GetBytes("\"}\n" + GoodLine("after-long") + "\n"));
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var response = await _client.PostAsync("/api/v1/articles/import", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.NodeAsync();
        Assert.Equal(1, report["created"]!.GetValue<int>());
        var rejected = Assert.Single(report["rejected"]!.AsArray())!;
        Assert.Equal(1, rejected["line"]!.GetValue<int>());
        Assert.Contains($"longer than {NdjsonImporter.MaxLineChars}", rejected["errors"]!["line"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_last_line_without_a_newline_is_rejected_too()
    {
        var body = new GeneratedStream(Encoding.UTF8.GetBytes(GoodLine("before-long") + "\n"), 10_000_000, []);
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var report = await (await _client.PostAsync("/api/v1/articles/import", content, Ct)).NodeAsync();
        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Equal(2, Assert.Single(report["rejected"]!.AsArray())!["line"]!.GetValue<int>());
    }

    /// <summary>A prefix, then <c>length</c> letters made as they are read (never one buffer), then a suffix.</summary>
    private sealed class GeneratedStream(byte[] prefix, long length, byte[] suffix) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => prefix.Length + length + suffix.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = _position < prefix.Length ? prefix[_position]
                    : _position < prefix.Length + length ? (byte)'a'
                    : suffix[_position - prefix.Length - length];
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
