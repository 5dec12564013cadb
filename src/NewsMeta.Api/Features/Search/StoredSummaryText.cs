using System.Text.Json;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// The title and summary of a stored summary (<see cref="Articles.ReadModel.ArticleDocument.Summary"/>, the JSON
/// of <see cref="Articles.ArticleSummaryDto"/>): a search marks them in its highlights, and reading them here
/// spares the page statement the article's row.
/// </summary>
public static class StoredSummaryText
{
    public static (string Title, string? Summary) TitleAndSummary(ReadOnlySpan<byte> stored)
    {
        var json = new Utf8JsonReader(stored);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A stored summary is one JSON object.");
        }

        string? title = null;
        string? summary = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isTitle = json.ValueTextEquals("title"u8);
            var isSummary = !isTitle && json.ValueTextEquals("summary"u8);
            json.Read();
            if (isTitle)
            {
                title = json.GetString();
            }
            else if (isSummary)
            {
                summary = json.GetString();
            }
            else
            {
                json.Skip();
            }
        }

        return (title ?? throw new JsonException("A stored summary has a title."), summary);
    }
}
