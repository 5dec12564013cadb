namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// A stored document with its links left out (<see cref="ArticleDocument.LinksAt"/>), and the splice that puts
/// the article's stored links (<see cref="ArticleLinksDocument"/>) back: the bytes readers get are the bytes
/// the whole document serialises to.
/// </summary>
public static class StoredDocumentFrame
{
    private static ReadOnlySpan<byte> EmptyLinks => "\"links\":[]"u8;

    /// <summary>
    /// Where the empty links array of a document serialised with no links starts. The member can be found by
    /// its bytes: inside a JSON string every quote is escaped, so <c>"links":[]</c> cannot occur in a value,
    /// and no nested object of an article has a member named links.
    /// </summary>
    public static int LinksAt(ReadOnlySpan<byte> frame)
    {
        var at = frame.IndexOf(EmptyLinks);
        if (at < 0 || frame.LastIndexOf(EmptyLinks) != at)
        {
            throw new InvalidOperationException("A document frame must hold exactly one empty links member.");
        }

        return at + EmptyLinks.Length - 2;
    }

    /// <summary>
    /// Whether <paramref name="document"/> holds the empty links array at <paramref name="linksAt"/>. A binary
    /// from before frames, still running beside a newer one during a rolling upgrade, rewrites a document whole
    /// and leaves the column it does not know: such a document must be read as it is, not spliced.
    /// </summary>
    public static bool IsFrame(ReadOnlySpan<byte> document, int linksAt) =>
        linksAt >= 0 && linksAt + 2 <= document.Length && document[linksAt] == (byte)'[' && document[linksAt + 1] == (byte)']';

    /// <summary>The whole document: the frame with its empty links array replaced by <paramref name="links"/>.</summary>
    public static byte[] Compose(ReadOnlySpan<byte> frame, int linksAt, ReadOnlySpan<byte> links)
    {
        var whole = new byte[frame.Length - 2 + links.Length];
        frame[..linksAt].CopyTo(whole);
        links.CopyTo(whole.AsSpan(linksAt));
        frame[(linksAt + 2)..].CopyTo(whole.AsSpan(linksAt + links.Length));
        return whole;
    }
}
