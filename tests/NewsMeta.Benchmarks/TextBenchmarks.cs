using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using NewsMeta.Text;

namespace NewsMeta.Benchmarks;

/// <summary>
/// Throughput of the text pipeline over the whole sample corpus (every body joined by a blank line).
/// </summary>
/// <remarks>
/// Turning a mean into throughput: <see cref="Setup"/> prints the input size (look for
/// "TextBenchmarks input:" in the log). With the input in bytes and the Mean in the unit the table
/// shows,
/// <code>
/// MB/s = bytes / 1_000_000 / (mean in seconds)
///      = bytes / mean_in_µs          (1 µs = 1e-6 s, 1 MB = 1e6 bytes)
///      = bytes / (mean_in_ms × 1000)
/// </code>
/// e.g. 150,000 UTF-8 bytes in a Mean of 3 ms is 150,000 / 3,000 µs = 50 MB/s. Quote UTF-8 bytes
/// (what is stored and sent) and, if useful, UTF-16 bytes (what the .NET string occupies in memory).
/// </remarks>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly string corpus = SampleArticles.JoinedBodies();

    [GlobalSetup]
    public void Setup()
    {
        var utf16Bytes = corpus.Length * sizeof(char);
        var utf8Bytes = Encoding.UTF8.GetByteCount(corpus);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"TextBenchmarks input: {SampleArticles.All.Count} bodies, {corpus.Length} chars, {utf16Bytes} bytes UTF-16, {utf8Bytes} bytes UTF-8"));
    }

    [Benchmark]
    public string Normalize() => ArabicNormalizer.Normalize(corpus);

    [Benchmark]
    public List<Token> Tokenize() => Tokenizer.Tokenize(corpus);

    [Benchmark]
    public string IndexText() => TextAnalyzer.IndexText(corpus);
}
