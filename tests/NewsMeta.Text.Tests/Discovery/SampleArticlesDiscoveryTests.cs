using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Tests.Discovery;

/// <summary>
/// Issue 21's junk on the service's sample data: discovery must not turn common words into entities there
/// ("سيول" the floods, not Seoul; a verb; an adjective; a conjunction-led noun), and must still find its
/// real names. The listing test prints every discovery for a reader to judge (set NEWSMETA_DISCOVERY_LISTING
/// to a file path to write it there too).
/// </summary>
public sealed class SampleArticlesDiscoveryTests
{
    [Fact]
    public void Listing_covers_every_sample_article()
    {
        var lines = SampleArticles.Listing().ToList();
        if (Environment.GetEnvironmentVariable("NEWSMETA_DISCOVERY_LISTING") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, lines);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', lines));
        Assert.Equal(54, SampleArticles.Load().Count);
        Assert.NotEmpty(lines);
    }
}
