namespace NewsMeta.Api.Cli;

/// <summary>
/// <c>dotnet NewsMeta.Api.dll health [URL]</c>: exits 0 when /health/ready answers 200. The container's
/// HEALTHCHECK uses it because the ASP.NET runtime image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "health";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/ready";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
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
