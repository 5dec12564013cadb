using System.CommandLine;

namespace NewsMeta.Api.Cli;

/// <summary>
/// <c>health [URL]</c>: exits 0 when /health/ready answers 200. The container's HEALTHCHECK uses it because the
/// ASP.NET runtime image has no curl or wget. It builds nothing of the service (it runs every 30 s).
/// </summary>
public static class HealthProbe
{
    public const string DefaultUrl = "http://127.0.0.1:8080/health/ready";

    public static Command Create()
    {
        var url = new Argument<Uri>("url")
        {
            Description = "The readiness address to ask.",
            DefaultValueFactory = _ => new Uri(DefaultUrl),
            // System.CommandLine has no converter for Uri: without this, any address given crashed the probe.
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : DefaultUrl;
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                {
                    return parsed;
                }

                result.AddError($"'{text}' is not an absolute http(s) address.");
                return null;
            },
        };
        var command = new Command("health", "Asks a running service whether it is ready (GET /health/ready); exits 0 when it answers 200.") { url };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(url), ct));
        return command;
    }

    private static async Task<int> RunAsync(Uri url, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url, ct);
            Console.WriteLine($"{(int)response.StatusCode} {url}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"unreachable {url}: {ex.Message}");
            return 1;
        }
    }
}
