namespace Storyline.Evaluation.Ner;

/// <summary>A sentence of a CoNLL-2003 file: each token's columns as read (token first, NER tag last).</summary>
/// <param name="Rows">One row of columns per token.</param>
public sealed record ConllSentence(IReadOnlyList<string[]> Rows)
{
    /// <summary>The tokens (first column).</summary>
    public IReadOnlyList<string> Tokens => [.. Rows.Select(r => r[0])];

    /// <summary>The gold tags (last column).</summary>
    public IReadOnlyList<string> Tags => [.. Rows.Select(r => r[^1])];
}

/// <summary>A document of a CoNLL-2003 file: the sentences between two -DOCSTART- lines.</summary>
/// <param name="Sentences">Its sentences, in order.</param>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences);

/// <summary>
/// Reads CoNLL-2003 files: one token a line with space-separated columns (token, POS, chunk, IOB1 NER tag), blank
/// lines between sentences, "-DOCSTART-" lines between documents. The shared copy has its first -DOCSTART- at the end
/// of the file; a -DOCSTART- anywhere simply closes the document before it.
/// </summary>
public static class ConllFile
{
    /// <summary>The documents of a file.</summary>
    public static IReadOnlyList<ConllDocument> Read(string path) => Parse(File.ReadLines(path));

    /// <summary>The documents in lines of CoNLL text.</summary>
    public static IReadOnlyList<ConllDocument> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var rows = new List<string[]>();

        void EndSentence()
        {
            if (rows.Count > 0)
            {
                sentences.Add(new ConllSentence([.. rows]));
                rows.Clear();
            }
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument([.. sentences]));
                sentences.Clear();
            }
        }

        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                EndSentence();
            }
            else if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
            }
            else
            {
                rows.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        EndDocument();
        return documents;
    }

    /// <summary>
    /// Writes the documents with one more column, the predicted tag, in the layout conlleval reads: "-DOCSTART-"
    /// before each document, a blank line after each sentence.
    /// </summary>
    public static void WriteWithPredictions(TextWriter writer, IReadOnlyList<ConllDocument> documents, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> predicted)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(predicted);
        for (int d = 0; d < documents.Count; d++)
        {
            writer.Write("-DOCSTART- -X- -X- O O\n\n");
            for (int s = 0; s < documents[d].Sentences.Count; s++)
            {
                ConllSentence sentence = documents[d].Sentences[s];
                for (int t = 0; t < sentence.Rows.Count; t++)
                {
                    writer.Write(string.Join(' ', sentence.Rows[t]));
                    writer.Write(' ');
                    writer.Write(predicted[d][s][t]);
                    writer.Write('\n');
                }

                writer.Write('\n');
            }
        }
    }
}
