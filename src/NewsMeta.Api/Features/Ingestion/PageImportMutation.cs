using GraphQL;
using GraphQL.Types;
using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Ingestion;

public sealed class ImportPageInput
{
    public string? Text { get; set; }
    public string? Html { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? ExternalId { get; set; }
    public string? Language { get; set; }
}

public sealed record ImportPagePayload(ArticleRow? Article, ArticleRow? ReadAlso, WriteStatus? Status, string? MissingPart, IReadOnlyList<UserError> UserErrors);

/// <summary>importPage: the page importer of POST /articles/import-page behind a GraphQL shape (write scope).</summary>
public static class PageImportMutation
{
    public static void AddPageImportMutation(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ImportPagePayloadGraphType>>("importPage")
            .Description("Reads a news page into its article, as POST /api/v1/articles/import-page does: either a scraped page (text, layout of shared/samples/news-page.txt; also its read-also article and links) or a whole HTML page (html: JSON-LD, OpenGraph and the page itself in that order of trust; the readable body; tag lists, related lists and read-also links). Omitted metadata is derived.")
            .Argument<NonNullGraphType<ImportPageInputGraphType>>("input")
            .ResolveAsync(async c => await ImportAsync(c));

    private static async Task<ImportPagePayload> ImportAsync(IResolveFieldContext c)
    {
        MutationFields.RequireWriteScope(c);
        var input = c.GetArgument<ImportPageInput>("input");
        if (input.Text is not null && input.Html is not null)
        {
            return new ImportPagePayload(null, null, null, null, [new UserError("html", "send either text (a scraped page) or html (a whole page), not both")]);
        }

        var field = input.Html is null ? "text" : "html";
        var page = input.Html ?? input.Text;
        if (string.IsNullOrWhiteSpace(page))
        {
            return new ImportPagePayload(null, null, null, null, [new UserError(field, "is required: the page")]);
        }

        var maxHtml = c.Service<Microsoft.Extensions.Options.IOptions<IngestionOptions>>().Value.MaxHtmlPageBytes;
        if (input.Html is not null && System.Text.Encoding.UTF8.GetByteCount(input.Html) > maxHtml)
        {
            return new ImportPagePayload(null, null, null, null, [new UserError("html", $"must be at most {maxHtml} bytes (Ingestion:MaxHtmlPageBytes)")]);
        }

        var meta = new PageMetadata(Blank(input.ExternalId), Blank(input.Title), UtcDates.Normalize(input.PublishedAt), Blank(input.Url), Blank(input.Language));
        var outcome = input.Html is not null
            ? await c.Service<Html.HtmlPageImporter>().ImportAsync(input.Html, meta, c.CancellationToken)
            : await c.Service<PageImporter>().ImportAsync(page, meta with { Language = meta.Language ?? "ar" }, c.CancellationToken);
        if (outcome.MissingPart is { } missing)
        {
            return new ImportPagePayload(null, null, null, missing, [new UserError(field, outcome.Error ?? $"the page has no {missing}")]);
        }

        if (outcome.Invalid is { } invalid)
        {
            return new ImportPagePayload(null, null, null, null, UserError.From(new Dictionary<string, string[]>(invalid)));
        }

        if (outcome.Main!.Status == WriteStatus.Rejected || outcome.ReadAlso?.Status == WriteStatus.Rejected)
        {
            return new ImportPagePayload(null, null, WriteStatus.Rejected, null, UserError.From(new Dictionary<string, string[]>(outcome.Main.Errors ?? outcome.ReadAlso!.Errors!)));
        }

        var ids = new[] { outcome.Main.ArticleId, outcome.ReadAlso?.ArticleId ?? 0 };
        var rows = await c.Service<NewsDbContext>().Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ProjectToType<ArticleRow>(c.Service<TypeAdapterConfig>()).ToDictionaryAsync(a => a.Id, c.CancellationToken);
        return new ImportPagePayload(rows[outcome.Main.ArticleId], outcome.ReadAlso is { } second ? rows[second.ArticleId] : null, outcome.Main.Status, null, []);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ImportPageInputGraphType : InputObjectGraphType<ImportPageInput>
{
    public ImportPageInputGraphType()
    {
        Name = "ImportPageInput";
        Field(i => i.Text, nullable: true).Description("A scraped page's text (layout of shared/samples/news-page.txt). Give text or html.");
        Field(i => i.Html, nullable: true).Description("A whole HTML page as a browser received it (at most Ingestion:MaxHtmlPageBytes, default 5 MiB). Give text or html; with html, give url too (links are resolved against it).");
        Field(i => i.Title, nullable: true).Description("The main article's title; default: the body's first sentence.");
        Field(i => i.Url, nullable: true).Description("Its canonical URL.");
        Field(i => i.PublishedAt, nullable: true).Description("Default: kept from the stored article, else now.");
        Field(i => i.ExternalId, nullable: true).Description("Default: derived from the url, else from the text.");
        Field(i => i.Language, nullable: true).Description("Default: the HTML page's language, else ar.");
    }
}

public sealed class ImportPagePayloadGraphType : ObjectGraphType<ImportPagePayload>
{
    public ImportPagePayloadGraphType()
    {
        Name = "ImportPagePayload";
        Field<ArticleGraphType>("article").Description("The page's article; null when userErrors is not empty.").Resolve(c => c.Source.Article);
        Field<ArticleGraphType>("readAlso").Description("The read-also article the page embedded, when it was new.").Resolve(c => c.Source.ReadAlso);
        Field<WriteStatusGraphType>("status").Description("What happened to the page's article.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("missingPart").Description("The part of the page that could not be found (body, publisher, title…); for an HTML page, body means it has no article.").Resolve(c => c.Source.MissingPart);
        this.UserErrorsField(p => p.UserErrors);
    }
}
