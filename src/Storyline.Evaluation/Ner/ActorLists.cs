using System.Globalization;

namespace Storyline.Evaluation.Ner;

/// <summary>
/// Names of people and organisations from the PETRARCH2 Phoenix actor dictionaries (../shared/data/events, MIT):
/// political leaders and officials (entries with dated role codes), and international, national and non-state
/// organisations (entries whose words say so: "Organization", "Army", "Front", …, and every entry of the non-state
/// actors file). Names are written in capitals with underscores there; they come out in title case.
/// </summary>
public static class ActorLists
{
    private static readonly HashSet<string> OrganizationWords = new(StringComparer.Ordinal)
    {
        "ORGANIZATION", "ORGANISATION", "AGENCY", "COMMITTEE", "COMMISSION", "COUNCIL", "UNION", "PARTY", "ARMY", "FRONT",
        "BANK", "FUND", "COURT", "TRIBUNAL", "ASSOCIATION", "FEDERATION", "MOVEMENT", "BRIGADE", "BRIGADES", "FORCES",
        "FORCE", "LEAGUE", "ALLIANCE", "INSTITUTE", "FOUNDATION", "PROGRAMME", "PROGRAM", "OFFICE", "MINISTRY", "GROUP",
        "NETWORK", "SOCIETY", "CROSS", "CRESCENT", "CORPS", "GUARD", "POLICE", "NATIONS", "CONGRESS", "PARLIAMENT",
        "ASSEMBLY", "COMPANY", "CORPORATION", "BOARD", "AUTHORITY", "SERVICE", "CENTRE", "CENTER", "WATCH", "INTERNATIONAL",
    };

    /// <summary>People and organisations named in the Phoenix actor dictionaries under <paramref name="dictionaries"/>.</summary>
    public static (IReadOnlyList<string> People, IReadOnlyList<string> Organizations) Read(string dictionaries)
    {
        var people = new SortedSet<string>(StringComparer.Ordinal);
        var organizations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in new[] { "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt" })
        {
            bool nonState = file.Contains("MilNonState", StringComparison.Ordinal);
            string path = Path.Combine(dictionaries, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} not found", path);
            }

            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Length == 0 || line[0] is '#' or '\t' or ' ' or '[')
                {
                    continue;
                }

                bool synonym = line[0] == '+';
                string entry = (synonym ? line[1..] : line).Split('#')[0].Split('[')[0].Trim();
                string name = Title(entry);
                if (name.Length == 0)
                {
                    continue;
                }

                string[] words = name.Split(' ');
                if (nonState || words.Any(w => OrganizationWords.Contains(w.ToUpperInvariant())))
                {
                    organizations.Add(name);
                }
                else if (!synonym && words.Length is >= 2 and <= 4 && IsDatedPerson(lines, i))
                {
                    people.Add(name);
                }
            }
        }

        return ([.. people], [.. organizations]);
    }

    // A leader or official: the entry's codes carry dates of office ("[AFGGOV 331108-730717]"), or it comes from
    // CountryInfo's lists of rulers.
    private static bool IsDatedPerson(string[] lines, int at)
    {
        if (lines[at].Contains("CountryInfo", StringComparison.Ordinal) || lines[at].Contains("rulers", StringComparison.Ordinal))
        {
            return true;
        }

        for (int j = at; j < lines.Length && j <= at + 3; j++)
        {
            if (j > at && lines[j].Length > 0 && lines[j][0] is not ('\t' or ' ' or '['))
            {
                break;
            }

            int open = lines[j].IndexOf('[', StringComparison.Ordinal);
            if (open >= 0 && lines[j].AsSpan(open).IndexOfAny("0123456789") >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // "MOHAMMAD_ZAHIR_SHAH_" → "Mohammad Zahir Shah"; parenthesised acronyms and odd characters out.
    private static string Title(string entry)
    {
        int paren = entry.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            entry = entry[..paren];
        }

        var words = entry.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || words.Any(w => !w.All(c => char.IsLetter(c) || c is '-' or '.' or '\'')))
        {
            return string.Empty;
        }

        return string.Join(' ', words.Select(w => w.Length <= 1 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLower(CultureInfo.InvariantCulture)));
    }
}
