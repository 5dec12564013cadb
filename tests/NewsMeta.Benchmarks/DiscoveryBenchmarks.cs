using BenchmarkDotNet.Attributes;
using NewsMeta.Text.Discovery;
using NewsMeta.Text.Pages;

namespace NewsMeta.Benchmarks;

/// <summary>
/// Issue 21's text work: entity discovery per sample article, and the page splitter on the hostile page
/// (a related line and one similar "title" of the same n words) and on a line of n/6 unattested headlines
/// only the headline grammar can cut. The splitter's Means should grow about linearly with Words.
/// </summary>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private IReadOnlyList<SampleArticle> articles = [];
    private string hostilePage = "";
    private string headlinesPage = "";

    [Params(1_000, 4_000)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        articles = SampleArticles.All;
        var words = string.Join(' ', Enumerable.Range(0, Words).Select(i => $"كلمة{i % 7}"));
        hostilePage = Page(words, words, [words]);
        var headlines = string.Join(' ', Enumerable.Range(0, Words / 6).Select(i => $"بلدية المدينة{i % 5} تفتتح جسراً جديداً فوق الوادي"));
        headlinesPage = Page(headlines, "نقل", []);
    }

    [Benchmark]
    public int DiscoverAllSampleArticles()
    {
        var found = 0;
        foreach (var article in articles)
        {
            found += EntityDiscoverer.Default.Discover(new DiscoveryInput(article.Title, null, article.Body)).Count;
        }

        return found;
    }

    [Benchmark]
    public NewsPageResult SplitHostilePage() => NewsPageParser.Parse(hostilePage);

    [Benchmark]
    public NewsPageResult SplitHeadlines() => NewsPageParser.Parse(headlinesPage);

    private static string Page(string related, string keywords, IEnumerable<string> similar) =>
        $"خبر قصير عن مدينة الريان.\nأخبار ذات صلة {related}\nالمصدر: صحيفة الاختبار\nكلمات دلالية: {keywords}\nمقالات مشابهة\n{string.Join('\n', similar.Select(t => "- " + t))}\n";
}
