using System.Text;
using System.Text.Json;
using CsCheck;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>One generated request: what to send, and whether it may change the store (none of these may).</summary>
public sealed record FuzzRequest(string Method, string Path, string? Key, string? ContentType, byte[]? Body)
{
    public override string ToString() =>
        $"{Method} {Path} key={Key ?? "-"} {ContentType} {(Body is null ? "" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)]))}";
}

/// <summary>
/// Generators of hostile requests across every REST endpoint and GraphQL: random and crafted values
/// (SQL and GraphQL injection, bidi and zero-width characters, NUL, lone surrogates, huge numbers,
/// malformed dates, oversized strings), malformed and deep bodies, and writes that must be refused:
/// invalid records with a write key, or valid ones without the scope. No request here may change the store.
/// </summary>
public static class HostileRequests
{
    private static readonly string[] Nasty =
    [
        "' OR '1'='1", "'; DROP TABLE \"Articles\"; --", "\" OR 1=1 --", "1; SELECT pg_sleep(10)", "1 UNION SELECT * FROM \"ApiKeys\"",
        "\") OR (\"a\"=\"a", "*", "%", "_", "\\", "\"", "'", "`", "$1", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>",
        "../../../etc/passwd", "%00", "%2e%2e%2f", "\0", "a\0b", "\u202Eevil\u202C", "\u200B", "\uFEFF", "\u2066\u2069", "\uD800", "\uDFFF",
        "ـــــ", "أإآٱ", "ىة", "۱۲۳", "١٢٣", "𝕏𝕐", "👩‍👩‍👧", " ", "", "\r\n", "\t", "null", "true", "[]", "{}", "NaN", "Infinity", "-1", "0",
        "99999999999999999999999", "-2147483649", "2147483648", "1e400", "0x7fffffff", "2026-13-45T99:99:99Z", "2026-02-30T00:00:00Z",
        "0000-00-00", "9999-12-31T23:59:59Z", "yesterday", "eyJhIjoxfQ", "AAAAAAAAAAAAAAAAAAAA", "__proto__", "constructor",
        "{ __schema { types { name } } }", "query { articles(first: 100000) { nodes { id } } }", "mutation { deleteArticle(id: \"1\") { deleted } }",
        new string('x', 5_000), new string('ن', 20_000), string.Concat(Enumerable.Repeat("وال", 3_000)),
    ];

    /// <summary>Every key a caller might send except a valid write key: anonymous, read-only, made up, near misses.</summary>
    private static readonly string[] Keys = ["", NewsMetaFactory.ReadKey, "nm_not-a-key", "DEV-WRITE-KEY", NewsMetaFactory.WriteKey + "x"];

    /// <summary>A value: crafted or random.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (3, Gen.OneOf(Nasty)),
        (2, Gen.String),
        (1, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Char.Array[0, 40].Select(c => new string(c))));

    public static readonly Gen<FuzzRequest> Any = Gen.Frequency(
        (6, Reads()),
        (2, GraphQLReads()),
        (3, InvalidArticleWrites()),
        (2, UnauthorisedWrites()),
        (2, InvalidEntityWrites()),
        (1, InvalidImports()),
        (1, InvalidPages()),
        (1, InvalidWebhooks()),
        (2, GraphQLMutations()),
        (1, MalformedBodies()));

    // Lone surrogates cannot be percent-encoded at all; a NUL in the path is refused by Kestrel before the app
    // (the in-memory test server throws instead), so path values go without them. Query values keep NUL.
    private static string E(string value) => Uri.EscapeDataString(value.Replace("\uD800", "", StringComparison.Ordinal).Replace("\uDFFF", "", StringComparison.Ordinal));

    private static string Path(string template, string value)
    {
        var q = template.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? template : template[..q];
        var query = q < 0 ? "" : template[q..];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, path, E(value.Replace("\0", "", StringComparison.Ordinal)))
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, E(value));
    }

    private static Gen<FuzzRequest> Reads()
    {
        string[] templates =
        [
            "/api/v1/articles?entity={0}", "/api/v1/articles?keyword={0}&source={0}", "/api/v1/articles?language={0}", "/api/v1/articles?publishedFrom={0}",
            "/api/v1/articles?publishedTo={0}&updatedSince={0}", "/api/v1/articles?sort={0}", "/api/v1/articles?limit={0}", "/api/v1/articles?cursor={0}",
            "/api/v1/articles/{0}", "/api/v1/articles/by-external-id/{0}", "/api/v1/articles/{0}/links?kind={0}", "/api/v1/articles/1/links?kind={0}",
            "/api/v1/articles/export?updatedSince={0}", "/api/v1/entities?type={0}&q={0}", "/api/v1/entities?cursor={0}&limit={0}", "/api/v1/entities/{0}",
            "/api/v1/entities/1/articles?cursor={0}", "/api/v1/entities/{0}/related-entities?limit={0}", "/api/v1/keywords?q={0}", "/api/v1/keywords/{0}/articles",
            "/api/v1/sources?cursor={0}", "/api/v1/sources/{0}", "/api/v1/sources/1/articles?language={0}", "/api/v1/search?q={0}",
            "/api/v1/search?q={0}&entity={0}&limit={0}", "/api/v1/search?q=%22{0}%22&cursor={0}", "/{0}", "/api/v1/{0}", "/graphql/{0}",
        ];
        return Gen.Select(Gen.OneOf(templates), Value, Gen.OneOf(Keys), (t, v, k) =>
            new FuzzRequest("GET", Path(t, v), k, null, null));
    }

    private static Gen<FuzzRequest> GraphQLReads()
    {
        string[] queries =
        [
            "{0}", "{{ articles(first: 5, after: \"{0}\") {{ nodes {{ id }} }} }}", "{{ search(query: \"{0}\") {{ nodes {{ article {{ title }} }} }} }}",
            "{{ node(id: \"{0}\") {{ id }} }}", "{{ article(externalId: \"{0}\") {{ title }} }}", "{{ entities(where: {{ search: \"{0}\" }}) {{ totalCount }} }}",
            "{{ articles(first: {0}) {{ totalCount }} }}", "{{ a: articles {{ nodes {{ entities {{ entity {{ articles {{ nodes {{ entities {{ entity {{ articles {{ nodes {{ id }} }} }} }} }} }} }} }} }} }} }}",
        ];
        return Gen.Select(Gen.OneOf(queries), Value, Gen.Bool, Gen.OneOf(Keys), (q, v, get, k) =>
        {
            var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, q, v.Replace("\"", "\\\"", StringComparison.Ordinal));
            return get
                ? new FuzzRequest("GET", "/graphql?query=" + E(query), k, null, null)
                : new FuzzRequest("POST", "/graphql", k, "application/json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables = new { v } })));
        });
    }

    /// <summary>A valid record with one part broken so the validator must refuse it.</summary>
    private static Gen<FuzzRequest> InvalidArticleWrites()
    {
        string[] breaks = ["title", "language", "publishedAt", "source", "kind", "entityType", "linkKind", "url", "tooManyKeywords", "nulTitle", "externalId", "invisibleName"];
        return Gen.Select(Gen.OneOf(breaks), Value, Gen.Bool, (broken, v, put) =>
        {
            var record = ValidRecord(put ? "fuzz-target" : $"fuzz-{v.Length % 1000}");
            switch (broken)
            {
                case "title": record["title"] = v.Length is > 0 and <= 500 && !string.IsNullOrWhiteSpace(v) && !v.Contains('\0') ? new string('x', 501) : v; break;
                case "language": record["language"] = "not a language tag!" + v; break;
                case "publishedAt": record["publishedAt"] = "not a date " + v; break;
                case "source": record["source"] = null; break;
                case "kind": record["source"] = new Dictionary<string, object?> { ["name"] = "مصدر", ["kind"] = "kind-" + v }; break;
                case "entityType": record["entities"] = new[] { new { name = "اسم", type = "type-" + v } }; break;
                case "linkKind": record["links"] = new[] { new { title = "t", kind = "kind-" + v } }; break;
                case "url": record["url"] = "javascript:" + v; break;
                case "tooManyKeywords": record["keywords"] = Enumerable.Repeat(v, 201).ToArray(); break;
                case "nulTitle": record["title"] = "عنوان\0" + v; break;
                case "externalId": record["externalId"] = put ? "other-" + v : new string('e', 201) + v; break; // PUT: must match the path
                default: record["keywords"] = new[] { "\u200B\u202E\u2066" }; break;
            }

            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record));
            return put
                ? new FuzzRequest("PUT", "/api/v1/articles/by-external-id/fuzz-target", NewsMetaFactory.WriteKey, "application/json", body)
                : new FuzzRequest("POST", "/api/v1/articles/import", NewsMetaFactory.WriteKey, "application/x-ndjson", [.. body, (byte)'\n']);
        });
    }

    /// <summary>Valid writes by callers without the write scope, and deletes of what does not exist.</summary>
    private static Gen<FuzzRequest> UnauthorisedWrites() =>
        Gen.Select(Gen.OneOf(Keys), Gen.Int[1, 5], Gen.Int[900_000_000, int.MaxValue], (key, kind, missing) =>
        {
            var record = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ValidRecord("fuzz-unauthorised")));
            return kind switch
            {
                1 => new FuzzRequest("PUT", "/api/v1/articles/by-external-id/fuzz-unauthorised", key, "application/json", record),
                2 => new FuzzRequest("DELETE", "/api/v1/articles/1", key, null, null),
                3 => new FuzzRequest("DELETE", $"/api/v1/articles/{missing}", NewsMetaFactory.WriteKey, null, null),
                4 => new FuzzRequest("POST", "/api/v1/entities", key, "application/json", Encoding.UTF8.GetBytes("{\"name\":\"كيان غير مصرح\",\"type\":\"person\"}")),
                _ => new FuzzRequest("POST", "/api/v1/articles/import", key, "application/x-ndjson", [.. record, (byte)'\n']),
            };
        });

    private static Gen<FuzzRequest> InvalidEntityWrites() =>
        Gen.Select(Value, Gen.Int[1, 6], Gen.Int[-5, 3], (v, kind, id) =>
        {
            // Invisible characters and ASCII punctuation only: a name with no letter or digit, which must be refused.
            var invisible = "\u200B\u202E" + new string(v.Where(c => c < 128 && !char.IsAsciiLetterOrDigit(c)).Take(20).ToArray());
            var body = kind switch
            {
                1 => JsonSerializer.Serialize(new { name = invisible, type = "person" }),
                2 => JsonSerializer.Serialize(new { name = "اسم", type = "type-" + v }),
                3 => JsonSerializer.Serialize(new { name = new string('x', 301), type = "person" }),
                4 => JsonSerializer.Serialize(new { from = new[] { id, 999_999_999 } }),
                5 => JsonSerializer.Serialize(new { alias = invisible }),
                _ => "{\"name\": " + v,
            };
            var path = kind switch
            {
                4 => $"/api/v1/entities/{Math.Max(id, 1)}/merge",
                5 => $"/api/v1/entities/{id}/aliases",
                6 => $"/api/v1/entities/{id}",
                _ => id > 0 ? $"/api/v1/entities/{id}" : "/api/v1/entities",
            };
            var method = path == "/api/v1/entities" || kind is 4 or 5 ? "POST" : "PUT";
            return new FuzzRequest(method, path, NewsMetaFactory.WriteKey, "application/json", Encoding.UTF8.GetBytes(body));
        });

    private static Gen<FuzzRequest> InvalidImports() =>
        Gen.Select(Value.Array[1, 20], lines =>
            new FuzzRequest("POST", "/api/v1/articles/import", NewsMetaFactory.WriteKey, "application/x-ndjson",
                Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => l.Replace('\n', ' ').Replace('\r', ' '))) + "\n")));

    /// <summary>Pages without a publisher line cannot be read (422), whatever else they hold.</summary>
    private static Gen<FuzzRequest> InvalidPages() =>
        Gen.Select(Value, Gen.Bool, (v, json) =>
        {
            var text = v;
            while (text.Contains("المصدر", StringComparison.Ordinal))
            {
                text = text.Replace("المصدر", "", StringComparison.Ordinal);
            }

            return json
                ? new FuzzRequest("POST", "/api/v1/articles/import-page", NewsMetaFactory.WriteKey, "application/json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text, title = v, publishedAt = v })))
                : new FuzzRequest("POST", "/api/v1/articles/import-page?externalId=" + E(v), NewsMetaFactory.WriteKey, "text/plain", Encoding.UTF8.GetBytes(text));
        });

    /// <summary>Subscriptions to addresses outside the allow-list, unknown events or bad secrets, and lookups of made-up ids.</summary>
    private static Gen<FuzzRequest> InvalidWebhooks() =>
        Gen.Select(Value, Gen.Int[0, 4], (v, kind) => kind switch
        {
            0 => Json("POST", "/api/v1/webhooks", new { url = v, events = new[] { "article.created" }, secret = "a-long-enough-secret" }),
            1 => Json("POST", "/api/v1/webhooks", new { url = "http://10.0.0.1/" + v, events = new[] { "article.created" }, secret = "a-long-enough-secret" }),
            2 => Json("POST", "/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { v }, secret = "a-long-enough-secret" }),
            3 => Json("POST", "/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "article.created" }, secret = v.Length is >= 16 and <= 200 ? v + "" : v }),
            _ => new FuzzRequest("DELETE", Path("/api/v1/webhooks/{0}", v), NewsMetaFactory.WriteKey, null, null),
        });

    private static FuzzRequest Json(string method, string path, object body) =>
        new(method, path, NewsMetaFactory.WriteKey, "application/json", JsonSerializer.SerializeToUtf8Bytes(body));

    private static Gen<FuzzRequest> GraphQLMutations()
    {
        string[] mutations =
        [
            "mutation($v: String!) {{ upsertArticle(input: {{ externalId: \"fuzz-gql\", title: \"\", body: $v, language: \"ar\", publishedAt: \"2026-11-27T09:00:00Z\", source: {{ name: \"م\", kind: NEWSPAPER }} }}) {{ userErrors {{ field message }} }} }}",
            "mutation($v: String!) {{ upsertArticle(input: {{ externalId: $v, title: \"t\", body: \"b\", language: \"not a tag!\", publishedAt: \"2026-11-27T09:00:00Z\", source: {{ name: \"م\", kind: NEWSPAPER }} }}) {{ userErrors {{ field }} }} }}",
            "mutation($v: String!) {{ upsertEntity(input: {{ name: \"\\u200B\", type: PERSON, aliases: [$v] }}) {{ userErrors {{ field }} }} }}",
            "mutation {{ deleteArticle(id: \"x{0}\") {{ deleted }} }}",
            "mutation($v: String!) {{ addEntityAlias(entityId: \"x{0}\", alias: $v) {{ userErrors {{ field }} }} }}",
            "mutation {{ mergeEntities(intoId: \"x{0}\", ids: []) {{ userErrors {{ field }} }} }}",
            "mutation($v: String!) {{ upsertArticle(input: {{ externalId: \"fuzz-gql\", title: $v, body: \"b\", language: \"ar\", publishedAt: \"2026-11-27T09:00:00Z\", source: {{ name: \"م\", kind: NEWSPAPER }} }}) {{ created }} }}",
        ];
        return Gen.Select(Gen.Int[0, mutations.Length - 1], Value, Gen.OneOf(Keys.Append(NewsMetaFactory.WriteKey).ToArray()), (i, v, k) =>
        {
            // The last one is valid: only callers without the write scope may send it.
            var key = i == mutations.Length - 1 && k == NewsMetaFactory.WriteKey ? NewsMetaFactory.ReadKey : k;
            var id = new string(v.Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
            // Ids are prefixed with x in the templates: never a real id, so a write key changes nothing.
            var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, mutations[i], id);
            return new FuzzRequest("POST", "/graphql", key, "application/json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables = new { v } })));
        });
    }

    private static Gen<FuzzRequest> MalformedBodies()
    {
        string[] paths = ["/api/v1/articles/by-external-id/fuzz-malformed", "/api/v1/entities", "/api/v1/entities/1/merge", "/graphql", "/api/v1/articles/import-page"];
        string[] types = ["application/json", "text/plain", "application/xml", "multipart/form-data", "application/json; charset=latin1", ""];
        return Gen.Select(Gen.OneOf(paths), Gen.OneOf(types), Gen.Byte.Array[0, 2000], Gen.Int[0, 3], (path, type, bytes, shape) =>
        {
            byte[] body = shape switch
            {
                0 => bytes, // random bytes, usually invalid UTF-8
                1 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[", 5000))),
                2 => Encoding.UTF8.GetBytes("{\"title\": \"" + new string('ن', 100) + "\", \"body\": "),
                _ => [0xEF, 0xBB, 0xBF, 0x00, 0x7B, 0xFF, 0xFE],
            };
            return new FuzzRequest(path.StartsWith("/api/v1/articles/by", StringComparison.Ordinal) ? "PUT" : "POST", path, NewsMetaFactory.WriteKey, type.Length == 0 ? null : type, body);
        });
    }

    private static Dictionary<string, object?> ValidRecord(string externalId) => new()
    {
        ["externalId"] = externalId,
        ["title"] = "خبر تجريبي للاختبار",
        ["body"] = "نص الخبر.",
        ["language"] = "ar",
        ["publishedAt"] = "2026-11-27T09:00:00Z",
        ["source"] = new Dictionary<string, object?> { ["name"] = "صحيفة الواحة", ["kind"] = "newspaper" },
        ["keywords"] = new[] { "اختبار" },
    };
}
