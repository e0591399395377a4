using System.Globalization;
using Spectre.Console;

namespace Storyline.Cli.Output;

/// <summary>Tables and text for people. Report text always goes through <see cref="Markup.Escape"/>.</summary>
internal static class Render
{
    public static void Stories(IAnsiConsole console, IReadOnlyList<StoryListItem> stories)
    {
        if (stories.Count == 0)
        {
            console.MarkupLine("[grey]No stories yet: run 'storyline ingest PATH'.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("ID").RightAligned())
            .AddColumn("Story")
            .AddColumn(new TableColumn("Reports").RightAligned())
            .AddColumn("First")
            .AddColumn("Last");
        foreach (StoryListItem s in stories)
        {
            table.AddRow(Id(s.Id), Markup.Escape(s.Title), s.Reports.ToString(CultureInfo.InvariantCulture), Day(s.FirstReport), Day(s.LastReport));
        }

        console.Write(table);
    }

    public static void Story(IAnsiConsole console, StoryDetail story, int maxEntities)
    {
        if (story.AskedFor is long asked)
        {
            console.MarkupLine($"[yellow]Story {Id(asked)} was merged into story {Id(story.Id)}.[/]");
        }

        Heading(console, story.Id, story.Title, story.Reports.Count(r => r.CopyOf is null));
        console.MarkupLine($"{Day(story.FirstReport)} to {Day(story.LastReport)}");
        foreach (MergeItem merge in story.MergedFrom)
        {
            console.MarkupLine($"[grey]Story {Id(merge.Story)} merged in on {Day(merge.Published)}, at report {Markup.Escape(merge.AtReport[..8])}.[/]");
        }

        console.WriteLine();

        var reports = new Table().Border(TableBorder.Simple).Title("Reports")
            .AddColumn("Date").AddColumn("Report").AddColumn("Source").AddColumn("Lead");
        foreach (ReportItem r in story.Reports)
        {
            string source = r.Outlet ?? (r.Origin is null ? string.Empty : Path.GetFileName(r.Origin));
            if (r.Dateline is not null)
            {
                source += (source.Length > 0 ? ", " : string.Empty) + r.Dateline;
            }

            string copy = r.CopyOf is null ? string.Empty : $" [yellow](copy of {r.CopyOf[..8]})[/]";
            reports.AddRow(Day(r.Published), $"[grey]{r.Id[..8]}[/]", Markup.Escape(source), Markup.Escape(Shorten(r.Title ?? r.Lead, 90)) + copy);
        }

        console.Write(reports);

        var entities = new Table().Border(TableBorder.Simple).Title("Entities")
            .AddColumn("Name").AddColumn("Type").AddColumn(new TableColumn("Mentions").RightAligned()).AddColumn("Also").AddColumn("Roles");
        foreach (EntityItem e in story.Entities.Take(maxEntities))
        {
            entities.AddRow(
                Markup.Escape(e.Name),
                e.Type.ToString(),
                e.Mentions.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(string.Join("; ", e.Aliases), 50)),
                Markup.Escape(Shorten(string.Join("; ", e.Roles), 40)));
        }

        console.Write(entities);
        Timeline(console, story.Timeline);
    }

    public static void Heading(IAnsiConsole console, long id, string title, int reports) =>
        console.Write(new Rule($"[bold]Story {Id(id)}[/]: {Markup.Escape(title)} [grey]({reports} reports)[/]").LeftJustified());

    public static void Timeline(IAnsiConsole console, IReadOnlyList<TimelineItem> timeline)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Timeline")
            .AddColumn("Date").AddColumn("What happened").AddColumn("Dated by").AddColumn(new TableColumn("Sources").RightAligned());
        foreach (TimelineItem e in timeline)
        {
            string datedBy = e.Expression is null ? "published" : $"\"{e.Expression}\" from {Day(e.Anchor)}";
            string status = e.Status is null ? string.Empty : $" [yellow]({e.Status.Value.ToString().ToLowerInvariant()})[/]";
            table.AddRow(Day(e.Date), Markup.Escape(Shorten(e.Text, 160)) + status, Markup.Escape(datedBy), e.Sources.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    public static void Search(IAnsiConsole console, string query, IReadOnlyList<SearchItem> hits)
    {
        if (hits.Count == 0)
        {
            console.MarkupLine($"[grey]Nothing matches {Markup.Escape(query)}.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Date").AddColumn(new TableColumn("Story").RightAligned()).AddColumn("Report").AddColumn("Match");
        foreach (SearchItem h in hits)
        {
            string snippet = Highlight(h.Snippet);
            table.AddRow(Day(h.Published), Id(h.Story), $"[grey]{h.Report[..8]}[/]", snippet);
        }

        console.Write(table);
    }

    // The store marks matches with « and »; where the text itself holds those marks, they are shown as they are.
    private static string Highlight(string snippet)
    {
        string escaped = Markup.Escape(snippet);
        bool balanced = escaped.Count(c => c == '«') == escaped.Count(c => c == '»');
        return balanced
            ? escaped.Replace("«", "[bold yellow]", StringComparison.Ordinal).Replace("»", "[/]", StringComparison.Ordinal)
            : escaped;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
