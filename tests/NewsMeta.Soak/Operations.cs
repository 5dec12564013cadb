using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsMeta.Soak;

/// <summary>One kind of request the soak sends, and the statuses that count as a correct answer to it.</summary>
public sealed record Operation(string Name, int Weight, Func<HttpClient, int, int, Task<HttpResponseMessage>> Send, HttpStatusCode[] Expected);

/// <summary>
/// The mix: mostly reads (lists, single articles, entity pages, Arabic search, the nested GraphQL page,
/// revalidation), and writes that overlap between workers (upserts of a shared set of externalIds, small
/// NDJSON imports, deletes) so concurrent writers meet on the same rows.
/// </summary>
public static class Operations
{
    private static readonly string[] Queries = ["الحكومة", "وزير", "الريان", "\"بلدية الريان\"", "اقتصاد", "مياه", "للصين", "الانتخابات"];

    public static IReadOnlyList<Operation> All(string key)
    {
        HttpRequestMessage Keyed(HttpMethod method, string path, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Add("X-Api-Key", key);
            return request;
        }

        return
        [
            new("list articles", 20, (c, w, n) => c.GetAsync($"/api/v1/articles?limit={1 + (n % 50)}"), [HttpStatusCode.OK]),
            new("article by id", 20, (c, w, n) => c.GetAsync($"/api/v1/articles/{1 + (n % 40)}"), [HttpStatusCode.OK, HttpStatusCode.NotFound]),
            new("entity articles", 10, (c, w, n) => c.GetAsync($"/api/v1/entities/{1 + (n % 30)}/articles?limit=20"), [HttpStatusCode.OK, HttpStatusCode.NotFound]),
            new("search", 10, (c, w, n) => c.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(Queries[n % Queries.Length])), [HttpStatusCode.OK]),
            new("graphql page", 8, (c, w, n) => c.PostAsJsonAsync("/graphql", new
            {
                query = "{ articles(first: 20) { nodes { title source { name } keywords { name } entities { entity { name } mentions } links(first: 5) { kind title } } } }",
            }), [HttpStatusCode.OK]),
            new("revalidate", 5, async (c, w, n) =>
            {
                using var first = await c.GetAsync("/api/v1/articles/1");
                var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles/1");
                if (first.Headers.ETag is { } etag)
                {
                    again.Headers.IfNoneMatch.Add(etag);
                }

                return await c.SendAsync(again);
            }, [HttpStatusCode.NotModified, HttpStatusCode.OK, HttpStatusCode.NotFound]),
            new("upsert (shared ids)", 15, (c, w, n) => c.SendAsync(Keyed(HttpMethod.Put, $"/api/v1/articles/by-external-id/soak-{n % 64}",
                JsonContent.Create(Record($"soak-{n % 64}", $"تحديث {w}-{n} لخبر الميناء")))),
                // 409: stored, then deleted by a concurrent "delete (shared ids)" before the response could read it back.
                [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Conflict]),
            new("import 5", 5, (c, w, n) =>
            {
                var lines = Enumerable.Range(0, 5).Select(i => JsonSerializer.Serialize(Record($"soak-import-{(n + i) % 200}", $"استيراد {w}-{n}-{i}")));
                return c.SendAsync(Keyed(HttpMethod.Post, "/api/v1/articles/import", new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson")));
            }, [HttpStatusCode.OK]),
            new("delete (shared ids)", 3, async (c, w, n) =>
            {
                var found = await c.GetAsync($"/api/v1/articles/by-external-id/soak-{(n * 7) % 64}");
                if (!found.IsSuccessStatusCode)
                {
                    return found; // 404: another worker deleted it first
                }

                var id = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                return await c.SendAsync(Keyed(HttpMethod.Delete, $"/api/v1/articles/{id}"));
            }, [HttpStatusCode.NoContent, HttpStatusCode.NotFound]),
        ];
    }

    private static object Record(string externalId, string title) => new
    {
        externalId,
        title,
        body = $"{title}. وقال مدير ميناء الريان سليم الحوت إن حركة السفن تتزايد، وإن بلدية الريان تدعم توسعة الرصيف.",
        language = "ar",
        publishedAt = "2026-11-28T09:00:00Z",
        source = new { name = "صحيفة الواحة", kind = "newspaper" },
        keywords = new[] { "ميناء الريان", "سفن", "بلدية الريان" },
        entities = new[] { new { name = "سليم الحوت", type = "person" } },
    };
}
