using Storyline.Domain;
using Storyline.Views;
using static Storyline.Cli.Output.Words;

namespace Storyline.Cli.Output;

/// <summary>One story, its timeline, quotes, claims and what's new, as text for people.</summary>
internal static class StoryText
{
    public static void Heading(Screen screen, long id, string title, int reports)
    {
        screen.Line($"Story {Number(id)}: {title} ({Count(reports, "report")})");
        screen.Line(new string('=', Math.Min(screen.Width ?? 80, 80)));
    }

    public static void Story(Screen screen, StoryDetail story, int maxEntities)
    {
        if (story.AskedFor is long asked)
        {
            screen.Line($"Story {Number(asked)} was merged into story {Number(story.Id)}.");
        }

        Heading(screen, story.Id, story.Title, story.Reports.Count(r => r.CopyOf is null));
        screen.Line($"{Day(story.FirstReport)} to {Day(story.LastReport)}");
        if (story.KeyEntities.Count > 0)
        {
            screen.Line($"Key entities: {string.Join(" · ", story.KeyEntities.Select(e => e.Name))}", "  ");
        }

        foreach (MergeItem merge in story.MergedFrom)
        {
            screen.Line($"Story {Number(merge.Story)} merged in on {Day(merge.Published)}, at report {ShortId(merge.AtReport)}.");
        }

        screen.Line();
        var reports = new TextTable("Reports").Column("Date").Column("Report").Column("Source").Column("Lead", Cell.Prose);
        foreach (ReportItem r in story.Reports)
        {
            string source = string.Join(", ", new[]
            {
                r.Outlet ?? (r.Origin is null ? null : Path.GetFileName(r.Origin)),
                r.Author is null ? null : "by " + r.Author,
                r.Dateline,
            }.Where(part => !string.IsNullOrEmpty(part)));
            string copy = r.CopyOf is null ? string.Empty : $" (copy of {ShortId(r.CopyOf)})";
            string teaser = r.Paywalled ? " (paywalled: teaser only)" : string.Empty;
            reports.Row(Day(r.Published), ShortId(r.Id), source, Shorten(r.Title ?? r.Lead, 90) + copy + teaser);
        }

        screen.Write(reports);
        var entities = new TextTable("Entities").Column("Name").Column("Type").Column("Mentions", Cell.Number).Column("Also", Cell.Prose).Column("Roles", Cell.Prose);
        foreach (StoryEntityItem e in story.Entities.Take(maxEntities))
        {
            entities.Row(e.Name, Labels.Of(e.Type), Number(e.Mentions), Shorten(string.Join("; ", e.Aliases), 50), Shorten(string.Join("; ", e.Roles), 40));
        }

        screen.Write(entities);
        Timeline(screen, story.Timeline, story.TimelineNotes);
        Quotes(screen, story.Quotes, "Quotes");
        Claims(screen, story.Claims, story.ClaimHistory);
    }

    /// <summary>The timeline's entries, then why a day's entries were chosen among only some of its sentences.</summary>
    public static void Timeline(Screen screen, IReadOnlyList<TimelineItem> timeline, IReadOnlyList<string>? notes = null)
    {
        var table = new TextTable("Timeline").Column("Date").Column("What happened", Cell.Prose).Column("Dated by", Cell.Prose).Column("Sources", Cell.Number);
        foreach (TimelineItem e in timeline)
        {
            string datedBy = e.Expression is null ? "published" : $"\"{Screen.Clean(e.Expression)}\" from {Day(e.Anchor)}";
            string status = e.Status is Certainty c ? $" ({Labels.Of(c)})" : string.Empty;
            string source = e.Attribution is null ? string.Empty : $" — {Shorten(e.Attribution, 60)}";
            table.Row(Day(e.Date), Shorten(e.Text, 160) + status + source, datedBy, Number(e.Sources.Count));
        }

        screen.Write(table);
        foreach (string note in notes ?? [])
        {
            screen.Line(note);
        }

        if (notes is { Count: > 0 })
        {
            screen.Line();
        }
    }

    public static void Quotes(Screen screen, IReadOnlyList<QuoteItem> quotes, string title)
    {
        if (quotes.Count == 0)
        {
            screen.Line($"{title}: none found.");
            screen.Line();
            return;
        }

        var table = new TextTable(title).Column("Date").Column("Who", Cell.Prose).Column("Kind of source").Column("Said", Cell.Prose);
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
                who += $", citing {q.Citing} ({Labels.Of(q.CitingKind ?? SourceKind.Unknown)})";
            }

            string said = q.Kind == QuoteKind.Direct ? $"“{q.Content}”" : q.Content;
            table.Row(Day(q.Published), Shorten(who, 70), Labels.Of(q.SourceKind), Shorten(said, 140));
        }

        screen.Write(table);
    }

    public static void Claims(Screen screen, IReadOnlyList<ClaimItem> claims, IReadOnlyList<ClaimTrackItem> history)
    {
        if (claims.Count > 0)
        {
            var table = new TextTable("Claims").Column("Date").Column("Status", Cell.Prose).Column("Claim", Cell.Prose).Column("Source", Cell.Prose);
            foreach (ClaimItem c in claims)
            {
                string source = c.Source is null ? string.Empty : $"{c.Source} ({Labels.Of(c.SourceKind)})";
                string status = Labels.Of(c.Status) + (c.Cue is null ? string.Empty : $" \"{c.Cue}\"");
                table.Row(Day(c.Published), status, Shorten(c.Text, 120), Shorten(source, 50));
            }

            screen.Write(table);
        }

        if (history.Count > 0)
        {
            screen.Line("Claims over time");
            foreach (ClaimTrackItem track in history)
            {
                string days = string.Join(" → ", track.Days.Select(d => $"{Day(d.Date)} {Labels.Of(d)}"));
                screen.Line($"  {Labels.ClaimKey(track.Key)}: {days}", "    ");
            }

            screen.Line();
        }
    }

    public static void WhatsNew(Screen screen, WhatsNewView news)
    {
        string since = news.SinceDate is DateOnly d ? Day(d) : "report " + ShortId(news.SinceReport ?? string.Empty);
        screen.Line($"Story {Number(news.Story)}: {news.Title} (new since {since}: {Count(news.NewReports.Count, "report")})");
        if (news.NewReports.Count == 0)
        {
            screen.Line("No report since then.");
            return;
        }

        foreach (StatusChangeItem c in news.StatusChanges)
        {
            string source = c.Source is null ? string.Empty : $" — {c.Source}";
            screen.Line($"{Labels.ClaimKey(c.Key)}: {Labels.Of(c.From)} → {Labels.Of(c.To)} ({Shorten(c.Evidence, 120)}{source})", "  ");
        }

        screen.Line();
        Timeline(screen, news.Facts);
        if (news.MoreFacts > 0)
        {
            screen.Line($"… and {Count(news.MoreFacts, "more new fact")} (--limit N shows more).");
            screen.Line();
        }

        if (news.Quotes.Count > 0)
        {
            var quotes = new TextTable("New quotes").Column("Date").Column("Who", Cell.Prose).Column("What", Cell.Prose);
            foreach (QuoteItem q in news.Quotes)
            {
                string content = q.Kind == QuoteKind.Direct ? $"“{q.Content}”" : q.Content;
                quotes.Row(Day(q.Published), q.SpeakerName ?? q.Source ?? "?", Shorten(content, 140));
            }

            screen.Write(quotes);
        }
    }
}
