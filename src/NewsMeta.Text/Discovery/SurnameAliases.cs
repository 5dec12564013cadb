namespace NewsMeta.Text.Discovery;

/// <summary>
/// The short form a text uses for a person after naming them in full: the surname alone ("بوتين" after
/// "فلاديمير بوتين", "الخطيب" after "سامر الخطيب"). It becomes an alias when the text uses it on its
/// own, and no other person, place or organisation of the article could be meant by it.
/// </summary>
internal static class SurnameAliases
{
    public static void Add(IReadOnlyList<DiscoveryField> fields, DiscoveryCandidates candidates, Gazetteer gazetteer)
    {
        var people = candidates.All.Where(c => c.Type == DiscoveredType.Person && c.Key.Contains(' ', StringComparison.Ordinal)).ToList();
        var surnames = people
            .Select(p => (Person: p, Surname: p.Key[(p.Key.LastIndexOf(' ') + 1)..]))
            .Where(x => x.Surname.Length >= 3 && !DiscoveryCues.NameParticles.Contains(x.Surname) && !gazetteer.Knows(x.Surname) && candidates.Find(x.Surname) is null)
            .GroupBy(x => x.Surname, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Person, StringComparer.Ordinal);
        if (surnames.Count == 0)
        {
            return;
        }

        foreach (var field in fields)
        {
            var words = field.Words;
            for (var i = 0; i < words.Count; i++)
            {
                var surname = words[i].Forms.FirstOrDefault(surnames.ContainsKey);
                if (surname is null)
                {
                    continue;
                }

                var person = surnames[surname];
                var previous = person.Key.Split(' ')[^2];
                var insideFullName = i > 0 && !words[i].BreakBefore && words[i - 1].Forms.Contains(previous);
                if (!insideFullName && person.Aliases.Count < 8)
                {
                    var written = field.Text.Substring(words[i].Token.Start, words[i].Token.Length);
                    candidates.AddAlias(person, EntityDiscoverer.StripLetters(written, words[i].Normalized.Length - surname.Length));
                    surnames.Remove(surname);
                    if (surnames.Count == 0)
                    {
                        return;
                    }
                }
            }
        }
    }
}
