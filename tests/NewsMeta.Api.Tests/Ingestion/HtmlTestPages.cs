using NewsMeta.Api.Features.Ingestion.Html;

namespace NewsMeta.Api.Tests.Ingestion;

/// <summary>The invented news pages under Ingestion/HtmlPages (written for these tests), as bytes and as read.</summary>
internal static class HtmlTestPages
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ingestion", "HtmlPages", name));

    public static string Text(string name) => HtmlPageBytes.Decode(Bytes(name), null);

    public static HtmlPageArticle Read(string name, string? url)
    {
        var reading = HtmlPageReader.Read(Text(name), url);
        Assert.True(reading.Article is not null, $"{name}: {reading.Error}");
        return reading.Article!;
    }
}
