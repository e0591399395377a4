using Storyline.Evaluation;

namespace Storyline.Evaluation.Tests;

public sealed class EvalReportTests
{
    [Fact]
    public void Rows_keep_their_metrics_in_print_order()
    {
        var row = new EvalRow("overall", [new("precision", 0.9), new("recall", 0.8), new("f1", 0.847)]);
        Assert.Equal(["precision", "recall", "f1"], row.Metrics.Select(m => m.Key));
    }
}
