using System.Globalization;
using System.Text;
using Storyline.Views;

namespace Storyline.Cli.Output;

/// <summary>A story written as Markdown or CSV (the JSON form is <see cref="ExportView"/> itself). Pure functions.</summary>
internal static class StoryExport
{
    /// <summary>
    /// Summary, timeline, entities, quotes, claims and sources as a Markdown document. Every piece of report text is
    /// written as text (<see cref="Text"/>): a report's <c>&lt;script&gt;</c> or <c>[link](javascript:…)</c> stays
    /// words on the page in any renderer, never markup or a link.
    /// </summary>
    public static string Markdown(ExportView story)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Story {story.Id}: {Text(story.Title)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{Day(story.FirstReport)} – {Day(story.LastReport)}, {Labels.Count(story.Sources.Count, "report")}.\n\n## Summary\n\n");
        foreach (SummaryItem s in story.Summary)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Text(s.Text)} ({Day(s.Published)}, {Short(s.Report)}{More(s.Sources.Count)})\n");
        }

        md.Append("\n## Timeline\n");
        foreach (TimelineDayItem day in story.Timeline)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {Day(day.Date)}\n\n");
            foreach (TimelineItem e in day.Entries)
            {
                string status = e.Status is null ? string.Empty : $" *{Lower(e.Status.Value)}*";
                string source = e.Attribution is null ? string.Empty : $" — {Text(e.Attribution)}";
                string datedBy = e.Expression is null ? "published" : $"\"{Text(e.Expression)}\"";
                md.Append(CultureInfo.InvariantCulture, $"- {Text(e.Text)}{status}{source} ({datedBy}; {string.Join(", ", e.Sources.Select(x => Short(x.Id)))})\n");
            }
        }

        md.Append("\n## Entities\n\n| Name | Type | Mentions | Reports |\n| --- | --- | ---: | ---: |\n");
        foreach (StoryEntityItem e in story.Entities)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Text(e.Name)} | {Labels.Of(e.Type)} | {e.Mentions} | {e.Reports} |\n");
        }

        md.Append("\n## Quotes\n\n");
        foreach (QuoteItem q in story.Quotes)
        {
            string content = q.Kind == Domain.QuoteKind.Direct ? $"\"{Text(q.Content)}\"" : Text(q.Content);
            md.Append(CultureInfo.InvariantCulture, $"- {Day(q.Published)} **{Text(q.SpeakerName ?? q.Source ?? "?")}**: {content}\n");
        }

        md.Append("\n## Claims over time\n\n");
        foreach (ClaimTrackItem c in story.Claims)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Text(Labels.ClaimKey(c.Key))}: {string.Join(" → ", c.Days.Select(d => Day(d.Date) + " " + Labels.Of(d)))}\n");
        }

        md.Append("\n## Sources\n\n");
        foreach (SourceRef s in story.Sources)
        {
            string copy = s.CopyOf is null ? string.Empty : $" (copy of {Short(s.CopyOf)})";
            // The address is shown as text, not made a link: a report's address may be javascript: or data:.
            string line = string.Join(' ', new[] { Day(s.Published), Short(s.Id), Text(s.Outlet), s.Author is null ? null : "by " + Text(s.Author), Text(s.Title), Text(s.Url) }.Where(x => !string.IsNullOrEmpty(x)));
            string teaser = s.Paywalled ? " (paywalled: teaser only)" : string.Empty;
            md.Append("- ").Append(line).Append(copy).Append(teaser).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>
    /// The timeline, one row per entry (RFC 4180): date, rank weight, status, attribution, text, dating, sources. No
    /// cell starts a formula (<see cref="Field"/>).
    /// </summary>
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
                Field(e.Value),
                Field(e.Expression),
                Day(e.Anchor),
                Field(e.Report),
                Field(string.Join(' ', e.Sources.Select(x => x.Id))),
            }).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// A CSV cell: one line with no control character, quoted where it holds a comma or a quote, and prefixed with
    /// <c>'</c> where it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, which a
    /// spreadsheet would take for a formula (OWASP's rule for CSV injection: <c>=HYPERLINK(…)</c>,
    /// <c>+cmd|'/C calc'!A0</c>).
    /// </summary>
    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        string text = Screen.Clean(value);
        if (value[0] is '\t' or '\r' || text.TrimStart(' ') is ['=' or '+' or '-' or '@', ..])
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// Report text as Markdown text: one line, no control character, HTML's <c>&amp; &lt; &gt;</c> as entities (so
    /// no tag or comment can open), and Markdown's own punctuation (<c>\ ` * _ [ ] | ~</c>) escaped, so that no
    /// link, image, code span, emphasis or table cell can start inside it.
    /// </summary>
    internal static string Text(string? value)
    {
        string text = Screen.Clean(value);
        var md = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&':
                    md.Append("&amp;");
                    break;
                case '<':
                    md.Append("&lt;");
                    break;
                case '>':
                    md.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    md.Append('\\').Append(c);
                    break;
                default:
                    md.Append(c);
                    break;
            }
        }

        return md.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Short(string id) => id[..Math.Min(8, id.Length)];

    private static string More(int sources) => sources > 1 ? string.Create(CultureInfo.InvariantCulture, $", {sources} sources") : string.Empty;

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
