using Storyline.Domain;

namespace Storyline.Evaluation.Quotes;

/// <summary>A quote the quotes stage found, as the Gender Gap Tracker scores it.</summary>
/// <param name="Content">The quoted words (a direct quote with its marks; a partial quote inside a reported clause is
/// part of that clause).</param>
/// <param name="Speaker">The source's words, where found.</param>
/// <param name="Floating">Whether the speaker was carried over from an earlier sentence (a quote that goes on after
/// its attribution), which is what the GGT calls a floating quote.</param>
/// <param name="SpeakerName">The name the source resolved to, where it resolved to an entity.</param>
/// <param name="Cue">The reporting words, where any (for error lists).</param>
public sealed record GgtPrediction(TextSpan Content, TextSpan? Speaker, bool Floating, string? SpeakerName, TextSpan? Cue = null);

/// <summary>Counts of one scoring of the GGT set.</summary>
/// <param name="Found">Gold quotes matched by a prediction.</param>
/// <param name="Predicted">All predictions.</param>
/// <param name="Gold">All gold quotes.</param>
/// <param name="SpeakerRight">Found quotes whose speaker spans overlap (or both floating, see <see cref="GgtScoring"/>).</param>
/// <param name="NameRight">Found quotes whose resolved speaker has the gold reference's last name.</param>
public readonly record struct GgtCounts(int Found, int Predicted, int Gold, int SpeakerRight, int NameRight)
{
    /// <summary>Found over predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Found / Predicted;

    /// <summary>Found over gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Speaker matches over found quotes.</summary>
    public double SpeakerAccuracy => Found == 0 ? 0 : (double)SpeakerRight / Found;

    /// <summary>Resolved-name matches over found quotes.</summary>
    public double NameAccuracy => Found == 0 ? 0 : (double)NameRight / Found;

    /// <summary>Counts added.</summary>
    public static GgtCounts operator +(GgtCounts a, GgtCounts b) =>
        new(a.Found + b.Found, a.Predicted + b.Predicted, a.Gold + b.Gold, a.SpeakerRight + b.SpeakerRight, a.NameRight + b.NameRight);
}

/// <summary>One gold quote and the prediction that matched it, if any.</summary>
/// <param name="Gold">The gold quote.</param>
/// <param name="Predicted">The matching prediction; null when the gold quote was missed.</param>
/// <param name="SpeakerRight">Whether the speaker matched.</param>
/// <param name="NameRight">Whether the resolved name matched the gold reference.</param>
public sealed record GgtMatch(PlacedGgtQuote Gold, GgtPrediction? Predicted, bool SpeakerRight, bool NameRight);

/// <summary>The scoring of one article: every gold quote with its match, and the predictions no gold quote took.</summary>
/// <param name="Counts">The counts.</param>
/// <param name="Matches">Each gold quote, in annotation order.</param>
/// <param name="Unmatched">Predictions that matched no gold quote (false quotes).</param>
public sealed record GgtScore(GgtCounts Counts, IReadOnlyList<GgtMatch> Matches, IReadOnlyList<GgtPrediction> Unmatched);

/// <summary>
/// The Gender Gap Tracker's own quote scoring (its evaluate_quotes.py), reimplemented: gold quotes are taken in order;
/// each is found by the remaining prediction that covers the largest share of its characters, when that share
/// (overlap / gold length) is above the threshold (0.3 and 0.8 are reported); each prediction matches at most once.
/// Precision and recall are over quotes. The speaker of a found quote is right when the two speaker spans overlap,
/// or when the gold quote has no speaker in its sentence (floating) and the prediction's speaker was carried over too.
/// </summary>
public static class GgtScoring
{
    /// <summary>Scores one article's predictions against its placed gold quotes.</summary>
    public static GgtScore Score(IReadOnlyList<PlacedGgtQuote> gold, IReadOnlyList<GgtPrediction> predicted, double threshold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var remaining = new List<GgtPrediction>(predicted);
        var matches = new List<GgtMatch>(gold.Count);
        int found = 0, speakers = 0, names = 0;
        foreach (PlacedGgtQuote g in gold)
        {
            GgtPrediction? best = null;
            double bestScore = 0;
            if (g.Span is TextSpan span && span.Length > 0)
            {
                foreach (GgtPrediction p in remaining)
                {
                    double score = (double)Overlap(span, p.Content) / span.Length;
                    if (score > threshold && score > bestScore)
                    {
                        best = p;
                        bestScore = score;
                    }
                }
            }

            if (best is null)
            {
                matches.Add(new GgtMatch(g, null, false, false));
                continue;
            }

            remaining.Remove(best);
            found++;
            bool speaker = g.SpeakerSpan is TextSpan gs
                ? best.Speaker is TextSpan ps && Overlap(gs, ps) > 0
                : g.Quote.Speaker.Length == 0 && best.Floating;
            bool name = SameName(g.Quote.Reference, best.SpeakerName);
            speakers += speaker ? 1 : 0;
            names += name ? 1 : 0;
            matches.Add(new GgtMatch(g, best, speaker, name));
        }

        return new GgtScore(new GgtCounts(found, predicted.Count, gold.Count, speakers, names), matches, remaining);
    }

    /// <summary>Whether a resolved speaker name is the gold reference: the same last word, case ignored ("Trudeau" of "Justin Trudeau").</summary>
    public static bool SameName(string reference, string? name)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(reference))
        {
            return false;
        }

        return string.Equals(LastWord(reference), LastWord(name), StringComparison.OrdinalIgnoreCase);
    }

    private static string LastWord(string name)
    {
        string[] words = name.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? string.Empty : words[^1];
    }

    private static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
