using NewsMeta.Text.Discovery;
using NewsMeta.Text.Pages;

namespace NewsMeta.Text.Tests.Discovery;

/// <summary>
/// The shared sample page, imported into an empty catalogue: discovery alone must find its people,
/// organisations and places with the right types (issue 21's first "done when").
/// </summary>
public sealed class SamplePageDiscoveryTests
{
    private static readonly string? SamplePath = FindSamplePage();

    private static NewsPage Page
    {
        get
        {
            Assert.SkipWhen(SamplePath is null, "../shared/samples/news-page.txt is not on this machine");
            return NewsPageParser.Parse(File.ReadAllText(SamplePath!)).Page!;
        }
    }

    /// <summary>The repository's sibling "shared" folder, found from any ancestor (a worktree sits one level deeper than the main checkout).</summary>
    private static string? FindSamplePage()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "samples", "news-page.txt");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static IReadOnlyList<DiscoveredEntity> MainArticle() =>
        EntityDiscoverer.Default.Discover(new DiscoveryInput(Page.BodyParagraphs[0], null, string.Join('\n', Page.BodyParagraphs.Skip(1)), Page.Keywords));

    private static IReadOnlyList<DiscoveredEntity> ReadAlsoArticle() =>
        EntityDiscoverer.Default.Discover(new DiscoveryInput(Page.ReadAlso!.Title, null, string.Join('\n', Page.ReadAlso.BodyParagraphs)));

    private static string Describe(IEnumerable<DiscoveredEntity> entities) =>
        string.Join(" | ", entities.Select(e => $"{e.TypeName}:{e.Name}[{string.Join(",", e.Aliases)}]x{e.Mentions.Count}@{e.Confidence}"));

    [Fact]
    public void Main_article_yields_its_spokesman_ministry_company_municipality_and_city()
    {
        var found = MainArticle();
        TestContext.Current.TestOutputHelper?.WriteLine(Describe(found));

        var spokesman = Assert.Single(found, e => e.Name == "سامر الخطيب");
        Assert.Equal(DiscoveredType.Person, spokesman.Type);
        Assert.Contains("الخطيب", spokesman.Aliases);
        Assert.Equal(2, spokesman.Mentions.Count); // the full name and "وأضاف الخطيب"; the tag is not text

        Assert.Equal(DiscoveredType.Organization, Assert.Single(found, e => e.Name == "وزارة النقل").Type);
        var company = Assert.Single(found, e => e.Name == "نور للنقل");
        Assert.Equal(DiscoveredType.Organization, company.Type);
        Assert.Contains("شركة نور للنقل", company.Aliases);
        Assert.Equal(2, company.Mentions.Count);
        Assert.Equal(DiscoveredType.Organization, Assert.Single(found, e => e.Name == "بلدية الريان").Type);
        Assert.Equal(DiscoveredType.Location, Assert.Single(found, e => e.Name == "الريان").Type);
        Assert.DoesNotContain(found, e => e.Name.Contains("الحافلات", StringComparison.Ordinal));
        Assert.All(found, e => Assert.InRange(e.Confidence, EntityDiscoverer.MinConfidence, 1));
    }

    [Fact]
    public void Read_also_article_yields_the_mayor_with_his_surname_and_the_municipality()
    {
        var found = ReadAlsoArticle();
        TestContext.Current.TestOutputHelper?.WriteLine(Describe(found));

        var mayor = Assert.Single(found, e => e.Name == "منير العلي");
        Assert.Equal(DiscoveredType.Person, mayor.Type);
        Assert.Equal(["العلي"], mayor.Aliases);
        Assert.Equal(2, mayor.Mentions.Count);
        Assert.Equal(DiscoveredType.Organization, Assert.Single(found, e => e.Name == "بلدية الريان").Type);
        Assert.Equal(2, found.Count);
    }
}
