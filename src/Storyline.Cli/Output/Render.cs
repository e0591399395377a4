using System.Globalization;
using Spectre.Console;
using Storyline.Domain;

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
        Timeline(console, story.Timeline, story.TimelineNotes);
        Quotes(console, story.Quotes, "Quotes");
        Claims(console, story.Claims, story.ClaimHistory);
    }

    public static void Quotes(IAnsiConsole console, IReadOnlyList<QuoteItem> quotes, string title)
    {
        if (quotes.Count == 0)
        {
            console.MarkupLine($"[grey]{Markup.Escape(title)}: none found.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title))
            .AddColumn("Date").AddColumn("Who").AddColumn("Kind").AddColumn("Said");
        foreach (QuoteItem q in quotes)
        {
            string who = q.Source ?? "(unattributed)";
            if (q.SpeakerName is not null && !who.Contains(q.SpeakerName, StringComparison.OrdinalIgnoreCase))
            {
                who += $" = {q.SpeakerName}";
            }

            if (q.CitedBy is not null)
            {
                who += $", via {q.CitedBy}";
            }

            if (q.Citing is not null)
            {
                who += $", citing {q.Citing} ({Lower(q.CitingKind ?? SourceKind.Unknown)})";
            }

            string said = q.Kind == QuoteKind.Direct ? $"“{q.Content}”" : q.Content;
            table.AddRow(Day(q.Published), Markup.Escape(Shorten(who, 70)), Lower(q.SourceKind), Markup.Escape(Shorten(said, 140)));
        }

        console.Write(table);
    }

    public static void Claims(IAnsiConsole console, IReadOnlyList<ClaimItem> claims, IReadOnlyList<ClaimTrackItem> history)
    {
        if (claims.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("Claims")
                .AddColumn("Date").AddColumn("Status").AddColumn("Claim").AddColumn("Source");
            foreach (ClaimItem c in claims)
            {
                string source = c.Source is null ? string.Empty : $"{c.Source} ({Lower(c.SourceKind)})";
                string status = Lower(c.Status) + (c.Cue is null ? string.Empty : $" \"{c.Cue}\"");
                table.AddRow(Day(c.Published), Markup.Escape(status), Markup.Escape(Shorten(c.Text, 120)), Markup.Escape(Shorten(source, 50)));
            }

            console.Write(table);
        }

        if (history.Count > 0)
        {
            console.MarkupLine("[bold]Claims over time[/]");
            foreach (ClaimTrackItem track in history)
            {
                string days = string.Join(" → ", track.Days.Select(d => $"{Day(d.Date)} {string.Join(", ", d.Statuses.Select(Lower))}"));
                console.MarkupLine($"  {Markup.Escape(track.Key)}: {Markup.Escape(days)}");
            }
        }
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static void Heading(IAnsiConsole console, long id, string title, int reports) =>
        console.Write(new Rule($"[bold]Story {Id(id)}[/]: {Markup.Escape(title)} [grey]({reports} reports)[/]").LeftJustified());

    /// <summary>Why a day's entries were chosen among only some of its sentences.</summary>
    public static string Pruned(Timelines.TimelineDay day) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Day(day.Date)}: entries chosen among the {day.Considered:N0} most central of its {day.Candidates:N0} sentences (more are not compared one with another, so that a day of thousands of reports stays quick)");

    public static void Timeline(IAnsiConsole console, IReadOnlyList<TimelineItem> timeline, IReadOnlyList<string>? notes = null)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Timeline")
            .AddColumn("Date").AddColumn("What happened").AddColumn("Dated by").AddColumn(new TableColumn("Sources").RightAligned());
        foreach (TimelineItem e in timeline)
        {
            string datedBy = e.Expression is null ? "published" : $"\"{e.Expression}\" from {Day(e.Anchor)}";
            string status = e.Status is null ? string.Empty : $" [yellow]({e.Status.Value.ToString().ToLowerInvariant()})[/]";
            string source = e.Attribution is null ? string.Empty : $" [grey]— {Markup.Escape(Shorten(e.Attribution, 60))}[/]";
            table.AddRow(Day(e.Date), Markup.Escape(Shorten(e.Text, 160)) + status + source, Markup.Escape(datedBy), e.Sources.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (string note in notes ?? [])
        {
            console.MarkupLine("[grey]" + Markup.Escape(note) + "[/]");
        }
    }

    public static void WhatsNew(IAnsiConsole console, WhatsNewItem news)
    {
        string since = news.SinceDate is DateOnly d ? Day(d) : "report " + news.SinceReport![..Math.Min(8, news.SinceReport!.Length)];
        console.Write(new Rule($"[bold]Story {Id(news.Story)}[/]: {Markup.Escape(news.Title)} [grey](new since {Markup.Escape(since)}: {news.NewReports.Count} reports)[/]").LeftJustified());
        if (news.NewReports.Count == 0)
        {
            console.MarkupLine("[grey]No report since then.[/]");
            return;
        }

        foreach (StatusChangeItem c in news.StatusChanges)
        {
            string source = c.Source is null ? string.Empty : $" — {Markup.Escape(c.Source)}";
            console.MarkupLine($"[yellow]{Markup.Escape(c.Key)}[/]: {Lower(c.From)} → [bold]{Lower(c.To)}[/] [grey]({Markup.Escape(Shorten(c.Evidence, 120))}{source})[/]");
        }

        Timeline(console, news.Facts);
        if (news.MoreFacts > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]… and {news.MoreFacts:N0} more new {(news.MoreFacts == 1 ? "fact" : "facts")} (--limit N shows more).[/]"));
        }
        if (news.Quotes.Count > 0)
        {
            var quotes = new Table().Border(TableBorder.Simple).Title("New quotes").AddColumn("Date").AddColumn("Who").AddColumn("What");
            foreach (StoryQuoteItem q in news.Quotes)
            {
                string content = q.Kind == QuoteKind.Direct ? $"\"{q.Content}\"" : q.Content;
                quotes.AddRow(Day(q.Published), Markup.Escape(q.Source ?? "?"), Markup.Escape(Shorten(content, 140)));
            }

            console.Write(quotes);
        }
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

    public static void Entities(IAnsiConsole console, IReadOnlyList<EntityListItem> entities)
    {
        if (entities.Count == 0)
        {
            console.MarkupLine("[grey]No entities yet: run 'storyline ingest PATH'.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Name").AddColumn("Type").AddColumn(new TableColumn("Mentions").RightAligned()).AddColumn(new TableColumn("Reports").RightAligned())
            .AddColumn("First").AddColumn("Last").AddColumn("Key");
        foreach (EntityListItem e in entities)
        {
            table.AddRow(
                Markup.Escape(e.Name),
                e.Type.ToString(),
                e.Mentions.ToString(CultureInfo.InvariantCulture),
                e.Reports.ToString(CultureInfo.InvariantCulture),
                Day(e.FirstSeen),
                Day(e.LastSeen),
                $"[grey]{Markup.Escape(e.Key)}[/]");
        }

        console.Write(table);
    }

    public static void Entity(IAnsiConsole console, EntityDetailItem e)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(e.Name)}[/] [grey]({e.Type}, {Markup.Escape(e.Key)})[/]").LeftJustified());
        console.MarkupLine($"{e.Mentions} mentions in {e.Reports} reports, {Day(e.FirstSeen)} to {Day(e.LastSeen)}");
        if (e.Aliases.Length > 0)
        {
            console.MarkupLine("[bold]Also:[/] " + Markup.Escape(string.Join("; ", e.Aliases)));
        }

        if (e.Roles.Length > 0)
        {
            console.MarkupLine("[bold]Roles:[/] " + Markup.Escape(string.Join("; ", e.Roles)));
        }

        if (e.Place is PlaceItem p)
        {
            string population = p.Population > 0 ? $", population {p.Population.ToString("N0", CultureInfo.InvariantCulture)}" : string.Empty;
            console.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"Place: {p.Name}, {p.Country} at {p.Latitude:0.####}, {p.Longitude:0.####}{population} (GeoNames {p.GeoNameId}, {p.FeatureCode})")));
        }

        if (e.FullerNames.Count > 0)
        {
            console.MarkupLine("[bold]May be:[/] " + Markup.Escape(string.Join("; ", e.FullerNames.Select(f => $"{f.Name} ({f.Key})"))));
        }

        console.WriteLine();
        var stories = new Table().Border(TableBorder.Simple).Title("Stories")
            .AddColumn(new TableColumn("ID").RightAligned()).AddColumn("Story").AddColumn(new TableColumn("Reports").RightAligned()).AddColumn(new TableColumn("Mentions").RightAligned());
        foreach (EntityStoryItem s in e.Stories)
        {
            stories.AddRow(Id(s.Story), Markup.Escape(s.Title), s.Reports.ToString(CultureInfo.InvariantCulture), s.Mentions.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(stories);
        var related = new Table().Border(TableBorder.Simple).Title("Mentioned with")
            .AddColumn("Name").AddColumn("Type").AddColumn(new TableColumn("Shared reports").RightAligned());
        foreach (RelatedEntityItem r in e.CoOccurring)
        {
            related.AddRow(Markup.Escape(r.Name), r.Type.ToString(), r.Reports.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(related);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
