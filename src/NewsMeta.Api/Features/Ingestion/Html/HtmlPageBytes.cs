using System.Text;
using System.Text.RegularExpressions;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// A page's bytes as text: the charset of the Content-Type, else the page's own meta charset (in its first
/// 2 KB, as browsers look), else UTF-8. Older Arabic sites still serve windows-1256, which .NET knows only
/// through the code-pages provider.
/// </summary>
public static partial class HtmlPageBytes
{
    static HtmlPageBytes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        var meta = MetaCharset().Match(Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]));
        var declared = headerCharset ?? (meta.Success ? meta.Groups["charset"].Value : null);
        var encoding = Encoding.UTF8;
        try
        {
            if (declared is not null)
            {
                encoding = Encoding.GetEncoding(declared.Trim().Trim('"', '\''));
            }
        }
        catch (ArgumentException)
        {
            // An unknown charset name: UTF-8 is what the page most likely is.
        }

        // A byte-order mark wins over what the page declares, as in browsers.
        return bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes[3..]) : encoding.GetString(bytes);
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
