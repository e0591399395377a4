using System.Globalization;
using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Evaluation.Quotes;

/// <summary>
/// <c>storyline eval quotes</c> on the Gender Gap Tracker layout: each article goes through the flow a report takes
/// (cleaning, then the standard analysis), the gold quotes are placed in the cleaned body by their words, and the
/// quotes are scored as the GGT scores its own extractor (<see cref="GgtScoring"/>) at 30 % and 80 % overlap. The
/// articles are also scored in two fixed halves (ids in order, alternately A and B), so that rules can be developed on
/// one half and checked on the other.
/// </summary>
public static class GgtEvaluation
{
    /// <summary>The thresholds the GGT reports: a gold quote is found when more than this share of it is covered.</summary>
    public static readonly double[] Thresholds = [0.3, 0.8];

    // The set gives no publication dates; its articles are from mid-December 2018 to mid-January 2019.
    private static readonly DateOnly Published = new(2019, 1, 1);

    private static readonly Lazy<AnalysisPipeline> DefaultPipeline = new(PipelineBuilder.CreateDefault);

    private static readonly ReportCleaner Cleaner = new();

    /// <summary>Scores the folder; writes every false, missed and wrongly attributed quote to <paramref name="errors"/> when given.</summary>
    /// <exception cref="InvalidDataException">The annotations cannot be read (the message names the file and line).</exception>
    public static EvalReport Run(string data, string? errors = null, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        pipeline ??= DefaultPipeline.Value;
        IReadOnlyList<GgtArticle> articles = GgtReader.ReadFolder(data);
        var totals = new GgtCounts[Thresholds.Length];
        var halves = new GgtCounts[2];
        var log = new StringBuilder();
        int unplaced = 0, floating = 0;
        for (int a = 0; a < articles.Count; a++)
        {
            GgtArticle article = articles[a];
            char half = a % 2 == 0 ? 'A' : 'B';
            AnalyzedArticle analyzed = Analyze(article, pipeline);
            IReadOnlyList<PlacedGgtQuote> gold = GgtReader.Place(article, analyzed.Body);
            unplaced += gold.Count(g => g.Span is null);
            floating += gold.Count(g => g.Quote.Speaker.Length == 0);
            IReadOnlyList<GgtPrediction> predicted = Predict(analyzed);
            for (int t = 0; t < Thresholds.Length; t++)
            {
                GgtScore score = GgtScoring.Score(gold, predicted, Thresholds[t]);
                totals[t] += score.Counts;
                if (t == 0)
                {
                    halves[half - 'A'] += score.Counts;
                    if (errors is not null)
                    {
                        WriteErrors(log, article.Id, half, analyzed.Body, score);
                    }
                }
            }
        }

        if (errors is not null)
        {
            File.WriteAllText(errors, log.ToString());
        }

        int goldCount = articles.Sum(a => a.Quotes.Count);
        return new EvalReport("quotes", data,
        [
            Row("@0.3", totals[0]),
            Row("@0.8", totals[1]),
            Row("A @0.3", halves[0]),
            Row("B @0.3", halves[1]),
        ],
        [
            string.Create(CultureInfo.InvariantCulture, $"{articles.Count} articles, {goldCount} gold quotes ({floating} floating: no speaker in their sentence); {unplaced} not found in the cleaned text (counted as missed)"),
            "Gender Gap Tracker scoring: a gold quote is found when one prediction covers more than 30 % (80 %) of its characters, one to one, gold in order",
            "speaker: the speaker spans overlap, or both are floating; name: the resolved speaker has the gold reference's last name",
            "halves: articles in id order, alternately A and B (develop on one, check on the other)",
        ]);
    }

    /// <summary>A GGT article as a report: cleaned, then analysed.</summary>
    public static AnalyzedArticle Analyze(GgtArticle article, AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(pipeline);
        Article cleaned = Cleaner.Clean(new SourceReport(article.Id, null, Published, article.Text, Outlet: article.Outlet));
        return pipeline.Analyze(cleaned);
    }

    /// <summary>
    /// The quotes of an analysed article as GGT predictions: its statements (words said; see <see cref="QuoteAct"/>), a
    /// direct quote with its marks, except one inside a reported clause (it is part of that quote, as the GGT annotates
    /// it); each quote separately, also one that goes on after its attribution.
    /// </summary>
    public static IReadOnlyList<GgtPrediction> Predict(AnalyzedArticle analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var entities = new Dictionary<EntityKey, string>();
        foreach (Entity entity in analyzed.Entities)
        {
            entities.TryAdd(entity.Key, entity.Name);
        }

        string body = analyzed.Body;
        var result = new List<GgtPrediction>();
        foreach (Quote quote in analyzed.Quotes)
        {
            // The GGT annotates quotations (words said), not beliefs, findings or speech acts told without their words.
            if (!quote.IsStatement)
            {
                continue;
            }

            TextSpan content = quote.Content;
            if (quote.Kind == QuoteKind.Direct)
            {
                if (analyzed.Quotes.Any(q => q.Kind == QuoteKind.Indirect && q.Content.Overlaps(content)))
                {
                    continue;
                }

                content = TextSpan.FromBounds(Math.Max(0, content.Start - 1), Math.Min(body.Length, content.End + 1));
            }

            string? name = quote.Speaker is EntityKey key && entities.TryGetValue(key, out string? n) ? n : null;
            result.Add(new GgtPrediction(content, quote.Source, quote.Source is TextSpan s && !Overlaps(SentencesOf(analyzed, content), s), name, quote.Cue));
        }

        return result;
    }

    // The hull of the sentences a span touches.
    private static TextSpan SentencesOf(AnalyzedArticle analyzed, TextSpan span)
    {
        int start = span.Start, end = span.End;
        foreach (Sentence sentence in analyzed.Sentences)
        {
            if (sentence.Span.Overlaps(span) || sentence.Span.Contains(span))
            {
                start = Math.Min(start, sentence.Span.Start);
                end = Math.Max(end, sentence.Span.End);
            }
        }

        return TextSpan.FromBounds(start, end);
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => Math.Min(a.End, b.End) > Math.Max(a.Start, b.Start);

    private static void WriteErrors(StringBuilder log, string id, char half, string body, GgtScore score)
    {
        foreach (GgtMatch match in score.Matches)
        {
            PlacedGgtQuote g = match.Gold;
            if (match.Predicted is null)
            {
                log.Append("MISSED\t").Append(half).Append('\t').Append(id).Append('\t').Append(Show(g.Quote.Speaker)).Append('\t')
                    .Append(OneLine(g.Quote.Verb)).Append('\t').Append(g.Span is null ? "(not in the cleaned text) " : string.Empty).AppendLine(OneLine(g.Quote.Text));
            }
            else if (!match.SpeakerRight)
            {
                GgtPrediction p = match.Predicted;
                log.Append("SPEAKER\t").Append(half).Append('\t').Append(id).Append('\t').Append(Show(g.Quote.Speaker)).Append(" → ")
                    .Append(p.Speaker is TextSpan s ? Show(s.ToString(body)) : "(none)").Append(p.Floating ? " (carried over)" : string.Empty)
                    .Append('\t').Append(OneLine(g.Quote.Verb)).Append('\t').AppendLine(OneLine(g.Quote.Text));
            }
        }

        foreach (GgtPrediction p in score.Unmatched)
        {
            log.Append("FALSE\t").Append(half).Append('\t').Append(id).Append('\t').Append(p.Speaker is TextSpan s ? Show(s.ToString(body)) : "(none)")
                .Append('\t').Append(p.Cue is TextSpan c ? OneLine(c.ToString(body)) : string.Empty).Append('\t').AppendLine(OneLine(p.Content.ToString(body)));
        }
    }

    private static string Show(string speaker) => speaker.Length == 0 ? "(floating)" : OneLine(speaker);

    private static string OneLine(string text)
    {
        string line = text.Replace('\n', ' ').Replace('\t', ' ').Trim();
        return line.Length <= 240 ? line : string.Concat(line.AsSpan(0, 237), "…");
    }

    private static EvalRow Row(string label, GgtCounts c) => new(label,
    [
        new("P", c.Precision),
        new("R", c.Recall),
        new("F1", c.F1),
        new("speaker", c.SpeakerAccuracy),
        new("name", c.NameAccuracy),
        new("gold", c.Gold),
        new("pred", c.Predicted),
        new("found", c.Found),
    ]);
}
