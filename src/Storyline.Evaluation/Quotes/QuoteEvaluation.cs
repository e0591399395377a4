using System.Globalization;
using System.Text;
using Storyline.Domain;
using Storyline.Entities;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Evaluation.Quotes;

/// <summary>
/// <c>storyline eval quotes</c>: runs text, entities and quotes on each PolNeAR article (its raw text as the body, so
/// that offsets line up) and scores content and source spans, for direct quotes and for all attributions.
/// </summary>
public static class QuoteEvaluation
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    /// <summary>
    /// Scores the folder; writes one predicted .ann per article into <paramref name="predictions"/> and every
    /// attribution missed or found falsely (by content overlap) into <paramref name="errors"/> when given.
    /// </summary>
    public static EvalReport Run(string data, string? predictions = null, int limit = int.MaxValue, string? errors = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (predictions is not null)
        {
            Directory.CreateDirectory(predictions);
        }

        var log = errors is null ? null : new StringBuilder();

        AttributionScores all = default, direct = default;
        int documents = 0, gold = 0, goldDirect = 0;
        foreach (AttributionDocument document in PolnearReader.ReadFolder(data, limit))
        {
            IReadOnlyList<BratAttribution> predicted = Predict(document.Text);
            all += AttributionScores.Score(document.Text, document.Attributions, predicted);
            direct += AttributionScores.Score(document.Text, [.. document.Attributions.Where(a => a.Direct)], [.. predicted.Where(p => p.Direct)]);
            documents++;
            gold += document.Attributions.Count;
            goldDirect += document.Attributions.Count(a => a.Direct);
            if (predictions is not null)
            {
                File.WriteAllLines(Path.Combine(predictions, document.Name + ".ann"), PolnearReader.Format(document.Text, predicted));
            }

            if (log is not null)
            {
                WriteErrors(log, document, predicted);
            }
        }

        if (errors is not null)
        {
            File.WriteAllText(errors, log!.ToString());
        }

        return new EvalReport("quotes", data, [Row("direct quotes", direct), Row("all attributions", all)],
        [
            string.Create(CultureInfo.InvariantCulture, $"{documents} articles, {gold} gold attributions ({goldDirect} direct: content opens with a quotation mark)"),
            "content exact: equal spans (edge white space and final . , ignored); overlap: any shared character, one-to-one",
            "source: content overlaps and source spans overlap (source exact: equal); over attributions that have a source",
        ]);
    }

    /// <summary>The attributions the quotes stage finds in <paramref name="text"/>, in brat terms.</summary>
    public static IReadOnlyList<BratAttribution> Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var article = new Article(ArticleId.FromContent(null, new DateOnly(2016, 1, 1), null, text), new DateOnly(2016, 1, 1), text);
        AnalyzedArticle analyzed = Pipeline.Analyze(article);
        var result = new List<BratAttribution>();
        foreach (Quote quote in analyzed.Quotes)
        {
            TextSpan content = quote.Content;
            if (quote.Kind == QuoteKind.Direct)
            {
                // A partial quote inside a reported clause is part of that attribution (PolNeAR labels each token once).
                if (analyzed.Quotes.Any(q => q.Kind == QuoteKind.Indirect && q.Content.Overlaps(content)))
                {
                    continue;
                }

                // PolNeAR's content of a direct quote takes in its quotation marks.
                content = TextSpan.FromBounds(Math.Max(0, content.Start - 1), Math.Min(text.Length, content.End + 1));

                // A quote that goes on after its attribution ("…," he said. "…") is one content in PolNeAR (a
                // discontinuous span, read as its hull): fold it into the quote before it.
                if (result.Count > 0 && result[^1] is { Direct: true } previous && previous.Cue == quote.Cue && previous.Source == quote.Source
                    && quote.Cue is not null && previous.Content is TextSpan before && content.Start - before.End < 200
                    && !text.AsSpan(before.End, Math.Max(0, content.Start - before.End)).Contains("\n\n", StringComparison.Ordinal))
                {
                    result[^1] = previous with { Content = TextSpan.FromBounds(before.Start, content.End) };
                    continue;
                }
            }

            result.Add(new BratAttribution(content, quote.Cue, quote.Source, quote.Kind == QuoteKind.Direct));
        }

        return result;
    }

    private static void WriteErrors(StringBuilder log, AttributionDocument document, IReadOnlyList<BratAttribution> predicted)
    {
        (IReadOnlyList<BratAttribution> missed, IReadOnlyList<BratAttribution> falsely) = AttributionScores.Unmatched(document.Attributions, predicted);
        foreach ((string label, IReadOnlyList<BratAttribution> list) in new[] { ("MISSED", missed), ("FALSE", falsely) })
        {
            foreach (BratAttribution a in list)
            {
                log.Append(label).Append('\t').Append(document.Name).Append('\t').Append(a.Direct ? "direct" : "indirect").Append('\t')
                    .Append(a.Source is TextSpan s ? OneLine(document.Text, s) : "(none)").Append('\t')
                    .Append(a.Cue is TextSpan c ? OneLine(document.Text, c) : "(none)").Append('\t')
                    .AppendLine(OneLine(document.Text, a.Content!.Value));
            }
        }
    }

    private static string OneLine(string text, TextSpan span)
    {
        string line = span.ToString(text).Replace('\n', ' ').Replace('\t', ' ').Trim();
        return line.Length <= 240 ? line : string.Concat(line.AsSpan(0, 237), "…");
    }

    private static EvalRow Row(string label, AttributionScores s) => new(label,
    [
        new("exact P", s.ContentExact.Precision),
        new("exact R", s.ContentExact.Recall),
        new("exact F1", s.ContentExact.F1),
        new("overlap P", s.ContentOverlap.Precision),
        new("overlap R", s.ContentOverlap.Recall),
        new("overlap F1", s.ContentOverlap.F1),
        new("source P", s.Source.Precision),
        new("source R", s.Source.Recall),
        new("source F1", s.Source.F1),
        new("source exact F1", s.SourceExact.F1),
        new("gold", s.ContentOverlap.Gold),
        new("predicted", s.ContentOverlap.Predicted),
    ]);
}
