using System.Globalization;
using System.Text;

namespace Storyline.Evaluation.Stories;

/// <summary>One pair of SemEval-2022 Task 8 (multilingual news article similarity), English on both sides.</summary>
/// <param name="Id">The pair's id (<c>id1_id2</c>).</param>
/// <param name="Text1">The first article (title and body, possibly cut).</param>
/// <param name="Text2">The second article.</param>
/// <param name="Overall">The annotators' mean overall score: 1 very similar … 4 very dissimilar.</param>
public sealed record SemEvalPair(string Id, string Text1, string Text2, double Overall)
{
    /// <summary>Pairs at or under this overall score tell of the same story (the dataset's notes: ≤ 1.5 is about one event).</summary>
    public const double SameStory = 1.5;

    /// <summary>Whether the annotators judged the two one story.</summary>
    public bool Same => Overall <= SameStory;
}

/// <summary>Reads the SemEval-2022 Task 8 pair files (<c>training_set.csv</c>, <c>testing_set.csv</c>): RFC 4180 CSV with a header.</summary>
public static class SemEvalPairs
{
    /// <summary>The English–English pairs of <paramref name="file"/> that have both texts.</summary>
    /// <exception cref="InvalidDataException">The file lacks a needed column.</exception>
    public static IReadOnlyList<SemEvalPair> ReadEnglish(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var reader = new StreamReader(file, Encoding.UTF8);
        List<string>? header = ReadRecord(reader);
        if (header is null)
        {
            throw new InvalidDataException($"{file}: empty file");
        }

        int Column(string name) => header.IndexOf(name) is >= 0 and int i ? i : throw new InvalidDataException($"{file}: no '{name}' column");
        int id = Column("pair_id"), lang1 = Column("lang1"), lang2 = Column("lang2"), text1 = Column("text1"), text2 = Column("text2"), overall = Column("Overall");
        var pairs = new List<SemEvalPair>();
        while (ReadRecord(reader) is List<string> row)
        {
            if (row.Count != header.Count || row[lang1] != "en" || row[lang2] != "en"
                || string.IsNullOrWhiteSpace(row[text1]) || string.IsNullOrWhiteSpace(row[text2])
                || !double.TryParse(row[overall], NumberStyles.Float, CultureInfo.InvariantCulture, out double score))
            {
                continue;
            }

            pairs.Add(new SemEvalPair(row[id], row[text1], row[text2], score));
        }

        return pairs;
    }

    // One CSV record: fields split on commas, a quoted field may hold commas, newlines and doubled quotes.
    internal static List<string>? ReadRecord(TextReader reader)
    {
        int c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0)
                {
                    fields.Add(field.ToString());
                    return fields;
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c < 0 || c == '\n')
            {
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c != '\r')
            {
                field.Append((char)c);
            }

            c = reader.Read();
        }
    }
}
