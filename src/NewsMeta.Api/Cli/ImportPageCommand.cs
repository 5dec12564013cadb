using System.CommandLine;
using System.Globalization;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Cli;

/// <summary><c>import-page FILE</c>: one saved news page as an article (and its read-also article); omitted metadata is derived as over HTTP.</summary>
internal static class ImportPageCommand
{
    public static Command Create(CommandHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "The page's text, as saved from the site." };
        file.AcceptExistingOnly();
        // Option names are the article's JSON field names.
        var externalId = new Option<string>("--externalId") { Description = "The article's externalId (default: derived from the page)." };
        var title = new Option<string>("--title") { Description = "Title (default: the page's first line)." };
        var publishedAt = new Option<DateTime?>("--publishedAt")
        {
            Description = "Publication instant, ISO 8601 (e.g. 2026-11-24T09:00:00Z); default: now.",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return instant;
                }

                result.AddError($"--publishedAt: '{text}' is not an ISO 8601 instant such as 2026-11-24T09:00:00Z.");
                return null;
            },
        };
        var url = new Option<string>("--url") { Description = "The page's address." };
        var language = new Option<string>("--language") { Description = "Language code.", DefaultValueFactory = _ => "ar" };
        var command = new Command("import-page", "Imports one saved news page as an article (and its read-also article, if the page has one).")
        {
            file, externalId, title, publishedAt, url, language,
        };
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, async (services, token) =>
        {
            var metadata = new PageMetadata(parse.GetValue(externalId), parse.GetValue(title), parse.GetValue(publishedAt), parse.GetValue(url), parse.GetValue(language) ?? "ar");
            var outcome = await services.GetRequiredService<PageImporter>().ImportAsync(await File.ReadAllTextAsync(parse.GetRequiredValue(file).FullName, token), metadata, token);
            if (outcome.MissingPart is not null || outcome.Invalid is not null)
            {
                Console.WriteLine(outcome.Error ?? string.Join("; ", outcome.Invalid!.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
                return 1;
            }

            Console.WriteLine($"Page imported: article {outcome.Main!.ArticleId} {outcome.Main.Status.ToString().ToLowerInvariant()}"
                + (outcome.ReadAlso is { } second ? $", read-also article {second.ArticleId} {second.Status.ToString().ToLowerInvariant()}" : "") + ".");
            return outcome.Main.Status == Features.Articles.WriteStatus.Rejected ? 1 : 0;
        }, ct));
        return command;
    }
}
