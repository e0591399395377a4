using System.Collections.Frozen;
using System.Text;

namespace Storyline.Evaluation.Timelines;

/// <summary>
/// ROUGE-1.5.5's reading of a summary when run with <c>-m -s</c>, as the timeline-summarisation papers run it (tilse and
/// news-tls call the Perl script through pyrouge): the day's sentences, lower-cased (ASCII), are joined into one text,
/// so that n-grams run across sentence boundaries; hyphens and every character but ASCII letters and digits separate
/// tokens; tokens in the SMART stopword list go; a token that does not start with a letter or digit (a lone hyphen)
/// goes; a token of more than three characters is replaced by its WordNet exception base form where it has one, else
/// by its Porter stem (<see cref="PorterStemmer"/>). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Two quirks of the route through pyrouge are kept, since the published figures have them: a sentence is written into
/// an HTML line that ROUGE reads up to the first <c>&lt;</c>, so the rest of a sentence after a <c>&lt;</c> is not
/// scored; and pyrouge writes <c>^</c> as <c>&amp;circ;</c>, which ROUGE reads as the word "circ".
/// </remarks>
public sealed class Rouge155
{
    /// <summary>The stopword list's file name in a ROUGE-1.5.5 data folder.</summary>
    public const string StopwordFile = "smart_common_words.txt";

    /// <summary>The folder of WordNet exception lists in a ROUGE-1.5.5 data folder.</summary>
    public const string ExceptionFolder = "WordNet-2.0-Exceptions";

    private readonly FrozenSet<string> stopwords;
    private readonly FrozenDictionary<string, string> exceptions;

    /// <summary>A reader with the given stopwords and exception base forms (a map from inflected form to base form).</summary>
    public Rouge155(IEnumerable<string> stopwords, IEnumerable<KeyValuePair<string, string>> exceptions)
    {
        ArgumentNullException.ThrowIfNull(stopwords);
        ArgumentNullException.ThrowIfNull(exceptions);
        this.stopwords = stopwords.ToFrozenSet(StringComparer.Ordinal);
        this.exceptions = exceptions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many stopwords are removed.</summary>
    public int StopwordCount => stopwords.Count;

    /// <summary>How many inflected forms have an exception base form.</summary>
    public int ExceptionCount => exceptions.Count;

    /// <summary>
    /// Reads a ROUGE-1.5.5 data folder (<c>smart_common_words.txt</c> and <c>WordNet-2.0-Exceptions/*.exc</c>); false with
    /// the reason when a file is missing or unreadable.
    /// </summary>
    /// <remarks>
    /// ROUGE looks exceptions up in a database built from the lists one file after another, a later line overwriting an
    /// earlier one; the files are read in name order (adj, adv, noun, verb), which gives the database's answer for each of
    /// the few forms two lists disagree on ("best" → "well", "testes" → "testes").
    /// </remarks>
    public static bool TryLoad(string folder, out Rouge155? rouge, out string? error)
    {
        ArgumentNullException.ThrowIfNull(folder);
        rouge = null;
        string stopwordPath = Path.Combine(folder, StopwordFile);
        string exceptionPath = Path.Combine(folder, ExceptionFolder);
        if (!File.Exists(stopwordPath))
        {
            error = $"{stopwordPath}: not found (the ROUGE-1.5.5 data folder, ../shared/data/rouge155)";
            return false;
        }

        string[] lists = Directory.Exists(exceptionPath) ? [.. Directory.EnumerateFiles(exceptionPath, "*.exc").Order(StringComparer.Ordinal)] : [];
        if (lists.Length == 0)
        {
            error = $"{exceptionPath}: no WordNet exception lists (*.exc) found";
            return false;
        }

        try
        {
            string[] stopwords = [.. File.ReadLines(stopwordPath).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
            var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string list in lists)
            {
                foreach (string line in File.ReadLines(list))
                {
                    string[] fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length >= 2)
                    {
                        exceptions[fields[0]] = fields[1];
                    }
                }
            }

            rouge = new Rouge155(stopwords, exceptions);
            error = null;
            return true;
        }
        catch (IOException e)
        {
            error = $"{folder}: {e.Message}";
            return false;
        }
    }

    /// <summary>The scoring tokens of a day's sentences, in order (stopwords removed, stemmed).</summary>
    public List<string> Tokens(IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (string sentence in sentences)
        {
            // What ROUGE reads of the sentence's HTML line: up to the first '<', with '^' written as "&circ;".
            int end = sentence.IndexOf('<', StringComparison.Ordinal);
            ReadOnlySpan<char> text = end < 0 ? sentence : sentence.AsSpan(0, end);
            foreach (char raw in text)
            {
                if (raw == '^')
                {
                    Flush(token, tokens);
                    token.Append("circ");
                    Flush(token, tokens);
                    continue;
                }

                char c = raw is >= 'A' and <= 'Z' ? (char)(raw + ('a' - 'A')) : raw;
                if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                {
                    token.Append(c);
                }
                else
                {
                    // A hyphen is a token of its own, which is then dropped (it starts with no letter or digit); any
                    // other character only separates.
                    Flush(token, tokens);
                }
            }

            // Sentences are joined with a space.
            Flush(token, tokens);
        }

        return tokens;
    }

    /// <summary>What ROUGE scores in place of one token: its exception base form or Porter stem where it is longer than three characters.</summary>
    public string Normalise(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length <= 3)
        {
            return token;
        }

        return exceptions.TryGetValue(token, out string? baseForm) ? baseForm : PorterStemmer.Stem(token);
    }

    private void Flush(StringBuilder token, List<string> tokens)
    {
        if (token.Length == 0)
        {
            return;
        }

        string word = token.ToString();
        token.Clear();
        if (!stopwords.Contains(word))
        {
            tokens.Add(Normalise(word));
        }
    }
}
