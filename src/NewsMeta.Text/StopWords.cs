namespace NewsMeta.Text;

/// <summary>
/// Function words that carry no meaning for search, keyword extraction or similarity, in their
/// <see cref="ArabicNormalizer"/> form (so "إلى" is listed as "الي"). Checked before stemming.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Arabic: prepositions, conjunctions, pronouns, demonstratives, relatives, particles, auxiliaries.
        "في", "من", "علي", "الي", "عن", "مع", "بين", "بعد", "قبل", "عند", "لدي", "حتي", "منذ", "خلال", "نحو", "حول", "دون", "ضد", "عبر",
        "و", "ف", "ثم", "او", "ام", "بل", "لكن", "اذا", "اذ", "ان", "انه", "انها", "كما", "لما", "بما", "مما", "عما", "فيما", "كي", "لكي",
        "هو", "هي", "هم", "هن", "هما", "انا", "نحن", "انت", "انتم", "له", "لها", "لهم", "به", "بها", "بهم", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "اليها",
        "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك", "هناك", "هنا",
        "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "ما", "ماذا", "متي", "اين", "كيف", "لماذا", "هل",
        "لا", "لم", "لن", "ليس", "ليست", "قد", "لقد", "سوف", "كل", "بعض", "غير", "ايضا", "اي", "ايه", "عده", "جدا", "فقط", "حيث",
        "كان", "كانت", "كانوا", "يكون", "تكون", "اصبح", "اصبحت", "ظل", "مازال", "وقد", "وكان", "وكانت", "وهو", "وهي", "وفي", "ومن", "وان", "وقال", "قال", "قالت",
        // English.
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "into", "over", "after", "before", "about",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he", "she", "they", "his", "her", "their",
        "not", "no", "will", "would", "said", "says", "also", "than", "then", "which", "who", "whom", "what", "when", "where", "while",
    };

    public static bool Contains(string normalizedWord) => Words.Contains(normalizedWord);
}
