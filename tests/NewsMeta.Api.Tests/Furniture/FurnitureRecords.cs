using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NewsMeta.Api.Tests.Furniture;

/// <summary>Records with subtitle, bylines, media and sections, written for these tests.</summary>
internal static class FurnitureRecords
{
    public static JsonObject New(string externalId, string? sectionPath = "أخبار العالم/الشرق الأوسط", string author = "سلمى الرفاعي") => new()
    {
        ["url"] = $"https://furniture.example/{externalId}",
        ["title"] = "وزراء الخارجية العرب يجتمعون لبحث أزمة المياه",
        ["subtitle"] = "الاجتماع الطارئ يناقش خطة مشتركة لتقاسم مياه الأنهار",
        ["body"] = "اجتمع وزراء الخارجية العرب أمس في جلسة طارئة.\n\nوقال المتحدث إن الوزراء ناقشوا خطة مشتركة لتقاسم المياه.",
        ["language"] = "ar",
        ["publishedAt"] = "2026-11-21T10:00:00Z",
        ["source"] = new JsonObject { ["name"] = "صحيفة الشروق اليومية", ["kind"] = "newspaper" },
        ["bylines"] = new JsonArray(
            new JsonObject { ["name"] = author, ["role"] = "author" },
            new JsonObject { ["name"] = "خالد يوسف", ["role"] = "photographer" }),
        ["media"] = new JsonArray(
            new JsonObject { ["kind"] = "video", ["url"] = "https://furniture.example/v/1.mp4", ["mimeType"] = "video/mp4" },
            new JsonObject
            {
                ["kind"] = "image",
                ["url"] = "https://furniture.example/i/1.jpg",
                ["caption"] = "الوزراء قبيل الاجتماع",
                ["credit"] = "خالد يوسف",
                ["altText"] = "وزراء حول طاولة مستديرة",
                ["width"] = 1200,
                ["height"] = 800,
                ["mimeType"] = "image/jpeg",
            },
            new JsonObject { ["kind"] = "image", ["url"] = "https://furniture.example/i/2.jpg" }),
        ["sections"] = sectionPath is null ? new JsonArray() : new JsonArray(sectionPath),
    };

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string externalId, JsonObject record) =>
        client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", record, TestContext.Current.CancellationToken);
}
