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
    public string Text { get; set; } = "";
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
            .Description("Reads a scraped news page (layout of shared/samples/news-page.txt) into its article, the read-also article and their links, as POST /api/v1/articles/import-page does. Omitted metadata is derived.")
            .Argument<NonNullGraphType<ImportPageInputGraphType>>("input")
            .ResolveAsync(async c => await ImportAsync(c));

    private static async Task<ImportPagePayload> ImportAsync(IResolveFieldContext c)
    {
        MutationFields.RequireWriteScope(c);
        var input = c.GetArgument<ImportPageInput>("input");
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return new ImportPagePayload(null, null, null, null, [new UserError("text", "is required: the page")]);
        }

        var meta = new PageMetadata(Blank(input.ExternalId), Blank(input.Title), UtcDates.Normalize(input.PublishedAt), Blank(input.Url), Blank(input.Language) ?? "ar");
        var outcome = await c.Service<PageImporter>().ImportAsync(input.Text, meta, c.CancellationToken);
        if (outcome.MissingPart is { } missing)
        {
            return new ImportPagePayload(null, null, null, missing, [new UserError("text", outcome.Error ?? $"the page has no {missing}")]);
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
        Field(i => i.Text).Description("The page text.");
        Field(i => i.Title, nullable: true).Description("The main article's title; default: the body's first sentence.");
        Field(i => i.Url, nullable: true).Description("Its canonical URL.");
        Field(i => i.PublishedAt, nullable: true).Description("Default: kept from the stored article, else now.");
        Field(i => i.ExternalId, nullable: true).Description("Default: derived from the url, else from the text.");
        Field(i => i.Language, nullable: true).Description("Default ar.");
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
        Field<StringGraphType>("missingPart").Description("The part of the page layout that could not be found (body, publisher…).").Resolve(c => c.Source.MissingPart);
        this.UserErrorsField(p => p.UserErrors);
    }
}
