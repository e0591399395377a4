using System.Globalization;
using Storyline.Sources.Html;

namespace Storyline.Evaluation.Extract;

/// <summary>
/// Runs the article extractor on a benchmark and scores it: token precision, recall and F1 per page (macro: the
/// mean over pages) and over all tokens (micro: every page's counts added up).
/// </summary>
public static class ExtractEvaluation
{
    /// <summary>
    /// Scores the extractor (its body found with <paramref name="body"/>) on the pages under <paramref name="data"/>;
    /// writes each body to <paramref name="predictions"/> when given.
    /// </summary>
    public static EvalReport Run(string data, string? predictions = null, int? limit = null, BodyExtraction body = BodyExtraction.Ensemble)
    {
        var extractor = new HtmlArticleExtractor(body: body);
        var sources = new SortedDictionary<BodySource, int>();
        if (predictions is not null)
        {
            Directory.CreateDirectory(predictions);
        }

        var scores = new List<TokenOverlap>();
        int emptyGold = 0;
        int emptyBody = 0;
        foreach (ExtractPage page in ExtractBenchmark.Read(data, limit))
        {
            HtmlArticle article = extractor.Extract(page.Html);
            sources[article.BodyFrom] = sources.GetValueOrDefault(article.BodyFrom) + 1;
            if (predictions is not null)
            {
                File.WriteAllText(Path.Combine(predictions, page.Id + ".txt"), article.Body);
            }

            TokenOverlap score = TokenOverlap.Of(article.Body, page.Gold);
            if (score.Gold == 0)
            {
                // Nothing to find: such a page says nothing about the extractor's recall and is left out.
                emptyGold++;
                continue;
            }

            emptyBody += score.Predicted == 0 ? 1 : 0;
            scores.Add(score);
        }

        EvalReport report = Report(data, scores, emptyGold, emptyBody);
        string from = string.Join(", ", sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{Describe(s.Key)} {s.Value}")));
        return report with { Notes = [$"Body extraction: {Name(body)}; bodies from {from}.", .. report.Notes] };
    }

    /// <summary>The name of a way of extracting the body, as the command line writes it.</summary>
    public static string Name(BodyExtraction body) => body switch
    {
        BodyExtraction.Own => "own",
        BodyExtraction.Readability => "smartreader",
        _ => "ensemble",
    };

    private static string Describe(BodySource source) => source switch
    {
        BodySource.Ensemble => "both combined",
        BodySource.Own => "own scorer",
        BodySource.Readability => "SmartReader",
        BodySource.StructuredData => "JSON-LD articleBody",
        _ => "none",
    };

    /// <summary>The report for a set of page scores.</summary>
    public static EvalReport Report(string data, IReadOnlyList<TokenOverlap> scores, int emptyGold, int emptyBody)
    {
        TokenOverlap total = default;
        foreach (TokenOverlap s in scores)
        {
            total += s;
        }

        double Mean(Func<TokenOverlap, double> f) => scores.Count == 0 ? 0 : scores.Average(f);
        var rows = new List<EvalRow>
        {
            Row("macro (mean over pages)", Mean(s => s.Precision), Mean(s => s.Recall), Mean(s => s.F1), scores.Count),
            Row("micro (over all tokens)", total.Precision, total.Recall, total.F1, scores.Count),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{scores.Count} pages scored; {emptyGold} with empty gold text left out; {emptyBody} where nothing was extracted."),
            "Tokens: lower-cased runs of letters and digits, compared as bags (each word counts up to the smaller of its two counts).",
        };
        return new EvalReport("extract", data, rows, notes);
    }

    private static EvalRow Row(string label, double p, double r, double f, int pages) =>
        new(label, [new("P", p), new("R", r), new("F1", f), new("pages", pages)]);
}
