namespace NewsMeta.Soak;

/// <summary>Command line: --url, --seconds, --connections, --server-pid, --key.</summary>
public sealed record SoakOptions(Uri Url, int Seconds, int Connections, int? ServerPid, string Key)
{
    public static SoakOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, $"--{name}");
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new SoakOptions(
            new Uri(Value("url") ?? "http://127.0.0.1:5099"),
            int.Parse(Value("seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("connections") ?? "32", System.Globalization.CultureInfo.InvariantCulture),
            Value("server-pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null,
            Value("key") ?? "dev-write-key");
    }
}
