using System.Globalization;
using System.Text;
using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Tests.Evaluation;

/// <summary>Counts for one type (or all): gold entities found, and discovered entities that are right.</summary>
public sealed record TypeScore(string Type, int Gold, int Found, int Discovered, int Correct)
{
    public double Recall => Gold == 0 ? 1 : (double)Found / Gold;

    public double Precision => Discovered == 0 ? 1 : (double)Correct / Discovered;
}

/// <summary>
/// Scores discovery per entity per article: a gold entity is found when a discovered entity of the
/// same type carries its name or one of its aliases (normalised; spans need not match); a discovered
/// entity is correct when it is such a match for some gold entity. Keyphrases: an extracted keyphrase
/// is correct when its stems equal a gold keyphrase's, or one sequence of stems contains the other.
/// </summary>
public sealed class DiscoveryScore
{
    public static readonly string[] Types = ["person", "organization", "location"];

    private readonly Dictionary<string, (int Gold, int Found, int Discovered, int Correct)> counts = Types.ToDictionary(t => t, _ => (0, 0, 0, 0));
    private readonly List<string> misses = [];

    public int Keyphrases { get; private set; }

    public int CorrectKeyphrases { get; private set; }

    public double KeyphrasePrecision => Keyphrases == 0 ? 1 : (double)CorrectKeyphrases / Keyphrases;

    /// <summary>Gold entities not found and discovered entities that are wrong, for the table's notes.</summary>
    public IReadOnlyList<string> Misses => misses;

    public IEnumerable<TypeScore> ByType => Types.Select(t => new TypeScore(t, counts[t].Gold, counts[t].Found, counts[t].Discovered, counts[t].Correct));

    public TypeScore Overall => new("all", counts.Values.Sum(c => c.Gold), counts.Values.Sum(c => c.Found), counts.Values.Sum(c => c.Discovered), counts.Values.Sum(c => c.Correct));

    /// <summary>Scores a part; <paramref name="store"/> is every evaluation article, whose stems stand for the store keyphrases are ranked against.</summary>
    public static DiscoveryScore Of(EvaluationSet set, IReadOnlyList<EvaluationArticle> store)
    {
        var statistics = new StoreStatistics(store);
        var score = new DiscoveryScore();
        foreach (var article in set.Articles)
        {
            var discovered = EntityDiscoverer.Default.Discover(article.Input);
            score.AddEntities(article, discovered);
            score.AddKeyphrases(article, KeyphrasesOf(article, discovered, statistics));
        }

        return score;
    }

    /// <summary>The keyphrases extraction gives an article against the store, its discovered entities' names and aliases excluded.</summary>
    public static List<ExtractedKeyword> KeyphrasesOf(EvaluationArticle article, IEnumerable<DiscoveredEntity> discovered, ITermStatistics statistics) =>
        KeywordExtractor.Choose(
            KeywordExtractor.Candidates(article.Title, article.Summary, article.Body), statistics, 5, article.Tags,
            discovered.SelectMany(d => d.Aliases.Prepend(d.Name)));

    public string Table(string part)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Entity discovery, {part} part");
        text.AppendLine("| type | gold | found | recall | discovered | correct | precision |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in ByType.Append(Overall))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Type} | {row.Gold} | {row.Found} | {row.Recall:0.00} | {row.Discovered} | {row.Correct} | {row.Precision:0.00} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Keyphrase precision: {CorrectKeyphrases}/{Keyphrases} = {KeyphrasePrecision:0.00}");
        foreach (var miss in misses)
        {
            text.AppendLine(miss);
        }

        return text.ToString();
    }

    private static HashSet<string> Spellings(string name, IEnumerable<string> aliases) =>
        aliases.Prepend(name).Select(ArabicNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

    private void AddEntities(EvaluationArticle article, IReadOnlyList<DiscoveredEntity> discovered)
    {
        foreach (var gold in article.Entities)
        {
            var spellings = Spellings(gold.Name, gold.Aliases);
            var found = discovered.Any(d => d.TypeName == gold.Type && Spellings(d.Name, d.Aliases).Overlaps(spellings));
            var c = counts[gold.Type];
            counts[gold.Type] = c with { Gold = c.Gold + 1, Found = c.Found + (found ? 1 : 0) };
            if (!found)
            {
                misses.Add($"  missed {article.Id} {gold.Type}: {gold.Name}");
            }
        }

        foreach (var entity in discovered)
        {
            var spellings = Spellings(entity.Name, entity.Aliases);
            var correct = article.Entities.Any(g => g.Type == entity.TypeName && Spellings(g.Name, g.Aliases).Overlaps(spellings));
            var c = counts[entity.TypeName];
            counts[entity.TypeName] = c with { Discovered = c.Discovered + 1, Correct = c.Correct + (correct ? 1 : 0) };
            if (!correct)
            {
                misses.Add($"  wrong  {article.Id} {entity.TypeName}: {entity.Name} [{string.Join(", ", entity.Aliases)}]");
            }
        }
    }

    private void AddKeyphrases(EvaluationArticle article, List<ExtractedKeyword> extracted)
    {
        var gold = article.Keyphrases.Select(k => KeywordExtractor.StemKey(k).Split(' ')).ToList();
        foreach (var keyphrase in extracted)
        {
            var stems = keyphrase.Key.Split(' ');
            var correct = gold.Any(g => Contains(g, stems) || Contains(stems, g));
            Keyphrases++;
            CorrectKeyphrases += correct ? 1 : 0;
            if (!correct)
            {
                misses.Add($"  keyphrase {article.Id}: {keyphrase.Name}");
            }
        }
    }

    private static bool Contains(string[] outer, string[] inner)
    {
        for (var i = 0; i + inner.Length <= outer.Length; i++)
        {
            if (outer.AsSpan(i, inner.Length).SequenceEqual(inner))
            {
                return true;
            }
        }

        return false;
    }
}
