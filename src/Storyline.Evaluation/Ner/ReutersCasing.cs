using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Evaluation.Ner;

/// <summary>
/// How often Reuters-21578 (unlabelled 1987 news, SGML) writes each word capitalised in the middle of a sentence and
/// how often in lower case: the casing evidence of <see cref="Entities.Tagging.WordClasses"/>. Only story bodies are
/// read; headlines, datelines and lines in capitals (tables, tickers) are not, since their capitals say nothing.
/// </summary>
public static partial class ReutersCasing
{
    /// <summary>Counts per lower-cased word: (capitalised mid-sentence, lower case).</summary>
    /// <param name="path">reuters21578_all.sgm.gz (or an uncompressed .sgm).</param>
    public static Dictionary<string, (int Capitalized, int Lower)> Count(string path)
    {
        var counts = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (string body in Bodies(path))
        {
            CountBody(body, counts);
        }

        return counts;
    }

    /// <summary>The story bodies of a Reuters-21578 SGML file, entities decoded.</summary>
    public static IEnumerable<string> Bodies(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Stream file = File.OpenRead(path);
        using Stream text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(text, Encoding.Latin1);
        string all = reader.ReadToEnd();
        foreach (Match m in BodyPattern().Matches(all))
        {
            yield return Decode(m.Groups[1].Value);
        }
    }

    /// <summary>Adds one body's words to the counts.</summary>
    public static void CountBody(string body, Dictionary<string, (int Capitalized, int Lower)> counts)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(counts);
        bool sentenceStart = true;
        foreach (string rawLine in body.Split('\n'))
        {
            // A paragraph starts with an indent; a line with no lower-case letter is a table row or a ticker.
            if (rawLine.StartsWith("  ", StringComparison.Ordinal) || rawLine.Trim().Length == 0)
            {
                sentenceStart = true;
            }

            string line = rawLine.Trim();
            if (!line.Any(char.IsLower))
            {
                continue;
            }

            int i = 0;
            while (i < line.Length)
            {
                char c = line[i];
                if (!char.IsLetter(c))
                {
                    if (c is '.' or '!' or '?' or ':' or ';' or '"' or '(' or '-')
                    {
                        sentenceStart = true;
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        sentenceStart = false;
                    }

                    i++;
                    continue;
                }

                int start = i;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || (line[i] is '\'' or '-' && i + 1 < line.Length && char.IsLetter(line[i + 1]))))
                {
                    i++;
                }

                string word = line[start..i];
                string key = word.ToLowerInvariant();
                var (capitalized, lower) = counts.GetValueOrDefault(key);
                if (char.IsLower(word[0]))
                {
                    counts[key] = (capitalized, lower + 1);
                }
                else if (!sentenceStart)
                {
                    counts[key] = (capitalized + 1, lower);
                }

                sentenceStart = false;
            }
        }
    }

    private static string Decode(string sgml) => sgml
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal)
        .Replace(" Reuter\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex("<BODY>(.*?)</BODY>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BodyPattern();
}
