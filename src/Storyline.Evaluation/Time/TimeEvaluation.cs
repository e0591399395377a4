using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Evaluation.Time;

/// <summary>
/// <c>storyline eval time</c>: runs the text and time stages on each TimeML document (its TEXT as the report body, anchored on
/// its creation time) and scores the time expressions TempEval-3 style: overall, per gold type, and per top folder
/// (TimeBank, AQUAINT).
/// </summary>
public static class TimeEvaluation
{
    private static readonly string[] TypeOrder = ["DATE", "TIME", "DURATION", "SET"];

    /// <summary>Scores every .tml under <paramref name="dataFolder"/>; writes TimeML predictions and an error dump where asked.</summary>
    public static EvalReport Run(string dataFolder, string? predictionsFolder = null, string? errorsFile = null, AnalysisPipeline? pipeline = null)
    {
        // The time stage reads only the text stage's tokens and sentences: the other stages would only slow the run.
        pipeline ??= new PipelineBuilder().UseText().UseTime().Build();
        var overall = TimeScores.Zero;
        var byType = TypeOrder.ToDictionary(t => t, _ => TimeScores.Zero, StringComparer.Ordinal);
        var byFolder = new SortedDictionary<string, TimeScores>(StringComparer.Ordinal);
        var errors = new StringBuilder();
        int documents = 0;
        foreach (TimeMLDocument document in TimeMLReader.ReadFolder(dataFolder))
        {
            documents++;
            IReadOnlyList<Timex> predicted = Predict(pipeline, document);
            TimeScores scores = TimeScorer.Score(document.Timexes, predicted);
            overall += scores;
            string folder = document.Name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? document.Name[..document.Name.LastIndexOf(Path.DirectorySeparatorChar)]
                : ".";
            byFolder[folder] = byFolder.GetValueOrDefault(folder, TimeScores.Zero) + scores;
            foreach (string type in TypeOrder)
            {
                var gold = document.Timexes.Where(t => TimeMLReader.TypeName(t.Type) == type).ToList();
                var system = predicted.Where(t => TimeMLReader.TypeName(t.Type) == type).ToList();
                byType[type] += TimeScorer.Score(gold, system);
            }

            if (predictionsFolder is not null)
            {
                string path = Path.Combine(predictionsFolder, document.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, TimeMLWriter.Write(document, predicted));
            }

            if (errorsFile is not null)
            {
                DumpErrors(errors, document, predicted);
            }
        }

        if (errorsFile is not null)
        {
            File.WriteAllText(errorsFile, errors.ToString());
        }

        var rows = new List<EvalRow> { new("overall", overall.Metrics()) };
        rows.AddRange(TypeOrder.Select(t => new EvalRow(t, byType[t].Metrics())));
        rows.AddRange(byFolder.Select(f => new EvalRow(Path.GetFileName(f.Key), f.Value.Metrics())));
        var notes = new List<string>
        {
            $"{documents} documents. Per-type rows score gold and predicted expressions of that type against each other.",
            "Value F1 and type F1 are relaxed span F1 × accuracy over relaxed-matched pairs (TempEval-3).",
        };
        return new EvalReport("time", dataFolder, rows, notes);
    }

    /// <summary>Our time expressions for one document, as TIMEX3 tags over its text.</summary>
    public static IReadOnlyList<Timex> Predict(AnalysisPipeline pipeline, TimeMLDocument document)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(document);
        var article = new Article(ArticleId.FromContent(null, document.CreationDate, null, document.Text), document.CreationDate, document.Text);
        AnalyzedArticle analyzed = pipeline.Analyze(article);
        return [.. analyzed.Times.Select((t, i) => new Timex("t" + (i + 1001), t.Span.Start, t.Span.End, t.Type, t.Value))];
    }

    private static void DumpErrors(StringBuilder errors, TimeMLDocument document, IReadOnlyList<Timex> predicted)
    {
        string Show(Timex t) => $"\"{document.Text[t.Start..t.End]}\" {TimeMLReader.TypeName(t.Type)} {t.Value}";
        string Context(Timex t) => document.Text[Math.Max(0, t.Start - 50)..Math.Min(document.Text.Length, t.End + 30)].ReplaceLineEndings(" ");
        foreach (Timex g in document.Timexes)
        {
            Timex? s = predicted.FirstOrDefault(p => TimeScorer.Overlaps(g, p));
            if (s is null)
            {
                errors.Append("MISS\t").Append(document.Name).Append('\t').Append(document.CreationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    .Append('\t').Append(Show(g)).Append("\t| ").AppendLine(Context(g));
            }
            else if (s.Value != g.Value || s.Type != g.Type || s.Start != g.Start || s.End != g.End)
            {
                string kind = s.Value != g.Value ? "VALUE" : s.Type != g.Type ? "TYPE" : "SPAN";
                errors.Append(kind).Append('\t').Append(document.Name).Append('\t').Append(document.CreationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    .Append("\tgold ").Append(Show(g)).Append("\tours ").Append(Show(s)).Append("\t| ").AppendLine(Context(g));
            }
        }

        foreach (Timex s in predicted.Where(p => !document.Timexes.Any(g => TimeScorer.Overlaps(g, p))))
        {
            errors.Append("EXTRA\t").Append(document.Name).Append('\t').Append(Show(s)).Append("\t| ").AppendLine(Context(s));
        }
    }
}
