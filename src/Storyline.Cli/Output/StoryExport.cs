using System.Globalization;
using System.Text;
using Storyline.Views;

namespace Storyline.Cli.Output;

/// <summary>A story written as Markdown or CSV (the JSON form is <see cref="ExportView"/> itself). Pure functions.</summary>
internal static class StoryExport
{
    /// <summary>Summary, timeline, entities, quotes, claims and sources as a Markdown document.</summary>
    public static string Markdown(ExportView story)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Story {story.Id}: {story.Title}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{Day(story.FirstReport)} – {Day(story.LastReport)}, {Labels.Count(story.Sources.Count, "report")}.\n\n## Summary\n\n");
        foreach (SummaryItem s in story.Summary)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {s.Text} ({Day(s.Published)}, {Short(s.Report)}{More(s.Sources.Count)})\n");
        }

        md.Append("\n## Timeline\n");
        foreach (TimelineDayItem day in story.Timeline)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {Day(day.Date)}\n\n");
            foreach (TimelineItem e in day.Entries)
            {
                string status = e.Status is null ? string.Empty : $" *{Lower(e.Status.Value)}*";
                string source = e.Attribution is null ? string.Empty : $" — {e.Attribution}";
                string datedBy = e.Expression is null ? "published" : $"\"{e.Expression}\"";
                md.Append(CultureInfo.InvariantCulture, $"- {e.Text}{status}{source} ({datedBy}; {string.Join(", ", e.Sources.Select(x => Short(x.Id)))})\n");
            }
        }

        md.Append("\n## Entities\n\n| Name | Type | Mentions | Reports |\n| --- | --- | ---: | ---: |\n");
        foreach (StoryEntityItem e in story.Entities)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(e.Name)} | {Labels.Of(e.Type)} | {e.Mentions} | {e.Reports} |\n");
        }

        md.Append("\n## Quotes\n\n");
        foreach (QuoteItem q in story.Quotes)
        {
            string content = q.Kind == Domain.QuoteKind.Direct ? $"\"{q.Content}\"" : q.Content;
            md.Append(CultureInfo.InvariantCulture, $"- {Day(q.Published)} **{q.SpeakerName ?? q.Source ?? "?"}**: {content}\n");
        }

        md.Append("\n## Claims over time\n\n");
        foreach (ClaimTrackItem c in story.Claims)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Labels.ClaimKey(c.Key)}: {string.Join(" → ", c.Days.Select(d => Day(d.Date) + " " + string.Join(", ", d.Statuses.Select(Lower))))}\n");
        }

        md.Append("\n## Sources\n\n");
        foreach (SourceRef s in story.Sources)
        {
            string copy = s.CopyOf is null ? string.Empty : $" (copy of {Short(s.CopyOf)})";
            string line = string.Join(' ', new[] { Day(s.Published), Short(s.Id), s.Outlet, s.Title, s.Url }.Where(x => !string.IsNullOrEmpty(x)));
            md.Append("- ").Append(line).Append(copy).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The timeline, one row per entry (RFC 4180): date, rank weight, status, attribution, text, dating, sources.</summary>
    public static string Csv(ExportView story)
    {
        var csv = new StringBuilder("date,importance,status,attribution,attribution_kind,text,date_value,expression,anchor,report,sources\r\n");
        foreach (TimelineItem e in story.Timeline.SelectMany(d => d.Entries))
        {
            csv.AppendJoin(',', new[]
            {
                Day(e.Date),
                e.Importance.ToString("0.####", CultureInfo.InvariantCulture),
                e.Status is null ? string.Empty : Lower(e.Status.Value),
                Field(e.Attribution),
                e.AttributionKind is null ? string.Empty : Lower(e.AttributionKind.Value),
                Field(e.Text),
                e.Value,
                Field(e.Expression),
                Day(e.Anchor),
                e.Report,
                string.Join(' ', e.Sources.Select(x => x.Id)),
            }).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Short(string id) => id[..Math.Min(8, id.Length)];

    private static string More(int sources) => sources > 1 ? string.Create(CultureInfo.InvariantCulture, $", {sources} sources") : string.Empty;

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
