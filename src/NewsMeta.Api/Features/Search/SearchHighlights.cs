using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// The highlights of a page of hits, made from the first <see cref="BodyPrefixLength"/> characters of each
/// body: a snippet needs the text up to the first match and 30 words after it, and a ranked hit's match is
/// in its title or lead (the first 60 words of summary and body, <see cref="SearchIndex.LeadStems"/>), so
/// about 90 words of summary and body nearly always cover it. A page read whole bodies (10-25 KB each, twenty per page)
/// from the database and decoded them for nothing. The hits whose prefix cannot tell (no match in it, or a
/// window reaching its end) have their whole body read in one more statement.
/// </summary>
/// <remarks>
/// On the benchmark corpus, at 2,000 characters a quarter of the searches needed that statement and at 1,200 a
/// third; the shorter prefix still costs less, each body prefix being decompressed in the database and decoded
/// again in the service.
/// </remarks>
public static class SearchHighlights
{
    /// <summary>Characters of a body read with a page's hits (one more, to tell whether it is the whole body).</summary>
    public const int BodyPrefixLength = 1200;

    /// <summary>
    /// What a page reads of a body: the whole of a body of at most <see cref="BodyPrefixLength"/> characters,
    /// else its first <see cref="BodyPrefixLength"/> and one more (so its length tells it is not whole), never
    /// ending inside a surrogate pair. Stored with each document (<see cref="Articles.ReadModel.ArticleDocument.BodyPrefix"/>).
    /// </summary>
    public static string Prefix(string body) =>
        body.Length <= BodyPrefixLength ? body : body[..Math.Min(body.Length, char.IsHighSurrogate(body[BodyPrefixLength]) ? BodyPrefixLength + 2 : BodyPrefixLength + 1)];

    /// <summary>The highlights of each hit, by article id, exactly as the whole bodies would make them.</summary>
    public static async Task<Dictionary<int, SearchHighlightsDto>> OfAsync(NewsDbContext db, IReadOnlySet<string> stems,
        IEnumerable<(int Id, string Title, string? Summary, string BodyPrefix)> hits, CancellationToken ct)
    {
        var highlights = new Dictionary<int, SearchHighlightsDto>();
        var unsure = new List<(int Id, string Title, string? Summary, string BodyPrefix)>();
        foreach (var (id, title, summary, prefix) in hits)
        {
            var snippet = prefix.Length <= BodyPrefixLength
                ? Highlighter.Snippet(Text(summary, prefix), stems)
                : Highlighter.SnippetOfPrefix(Text(summary, prefix), stems);
            if (snippet is null)
            {
                unsure.Add((id, title, summary, prefix));
                continue;
            }

            highlights[id] = new SearchHighlightsDto { Title = Highlighter.MarkAll(title, stems), Body = snippet };
        }

        if (unsure.Count > 0)
        {
            var ids = unsure.Select(u => u.Id).ToList();
            var bodies = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Body }).ToDictionaryAsync(a => a.Id, a => a.Body, ct);
            foreach (var (id, title, summary, prefix) in unsure)
            {
                // Deleted since the page was read: its snippet comes from what was read.
                highlights[id] = Whole(stems, title, summary, bodies.GetValueOrDefault(id, prefix));
            }
        }

        return highlights;
    }

    /// <summary>The highlights of one result from its whole text: the title marked, and a snippet of summary and body around the first match.</summary>
    public static SearchHighlightsDto Whole(IReadOnlySet<string> stems, string title, string? summary, string body) => new()
    {
        Title = Highlighter.MarkAll(title, stems),
        Body = Highlighter.Snippet(Text(summary, body), stems),
    };

    private static string Text(string? summary, string body) => $"{summary}\n{body}".Trim();
}
