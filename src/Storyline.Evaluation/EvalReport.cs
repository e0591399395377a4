namespace Storyline.Evaluation;

/// <summary>
/// What an evaluation printed: a title, rows of named metrics, and notes. The CLI renders it as a table or JSON.
/// </summary>
/// <param name="Task">The task ("ner", "time", "stories", …).</param>
/// <param name="Data">The data it was run on.</param>
/// <param name="Rows">One row per slice (a type, a data set, "overall"), each with its metrics in order.</param>
/// <param name="Notes">Counts and remarks worth printing under the table.</param>
public sealed record EvalReport(string Task, string Data, IReadOnlyList<EvalRow> Rows, IReadOnlyList<string> Notes);

/// <summary>One row of an evaluation: a label and its metrics, in print order.</summary>
/// <param name="Label">What the row is about ("PER", "overall", "strict span").</param>
/// <param name="Metrics">Name and value of each metric, in print order.</param>
public sealed record EvalRow(string Label, IReadOnlyList<KeyValuePair<string, double>> Metrics);
