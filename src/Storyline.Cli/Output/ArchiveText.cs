using System.Globalization;
using Storyline.Views;
using static Storyline.Cli.Output.Words;

namespace Storyline.Cli.Output;

/// <summary>Lists, search hits, entities and ingest results as text for people.</summary>
internal static class ArchiveText
{
    public static void Stories(Screen screen, IReadOnlyList<StoryListItem> stories)
    {
        if (stories.Count == 0)
        {
            screen.Line("No stories yet: run 'storyline ingest PATH'.");
            return;
        }

        var table = new TextTable().Column("ID", Cell.Number).Column("Story", Cell.Prose).Column("Reports", Cell.Number).Column("First").Column("Last");
        foreach (StoryListItem s in stories)
        {
            table.Row(Number(s.Id), s.Title, Number(s.Reports), Day(s.FirstReport), Day(s.LastReport));
        }

        screen.Write(table);
    }

    public static void Search(Screen screen, string query, IReadOnlyList<SearchItem> hits)
    {
        if (hits.Count == 0)
        {
            screen.Line($"Nothing matches {query}.");
            return;
        }

        var table = new TextTable().Column("Date").Column("Story", Cell.Number).Column("Report").Column("Match", Cell.Prose);
        foreach (SearchItem h in hits)
        {
            table.Row(Day(h.Published), Number(h.Story), ShortId(h.Report), h.Snippet);
        }

        screen.Write(table);
    }

    public static void Entities(Screen screen, IReadOnlyList<EntityListItem> entities)
    {
        if (entities.Count == 0)
        {
            screen.Line("No entities yet: run 'storyline ingest PATH'.");
            return;
        }

        var table = new TextTable()
            .Column("Name").Column("Type").Column("Mentions", Cell.Number).Column("Reports", Cell.Number).Column("First").Column("Last").Column("Key");
        foreach (EntityListItem e in entities)
        {
            table.Row(e.Name, Labels.Of(e.Type), Number(e.Mentions), Number(e.Reports), Day(e.FirstSeen), Day(e.LastSeen), e.Key);
        }

        screen.Write(table);
    }

    public static void Entity(Screen screen, EntityPage e)
    {
        screen.Line($"{e.Name} ({Labels.Of(e.Type)}, {e.Key})");
        screen.Line(new string('=', Math.Min(screen.Width ?? 80, 80)));
        screen.Line($"{Count(e.Mentions, "mention")} in {Count(e.Reports, "report")}, {Day(e.FirstSeen)} to {Day(e.LastSeen)}");
        if (e.Aliases.Length > 0)
        {
            screen.Line("Also: " + string.Join("; ", e.Aliases), "  ");
        }

        if (e.Roles.Length > 0)
        {
            screen.Line("Roles: " + string.Join("; ", e.Roles), "  ");
        }

        if (e.Place is PlaceItem p)
        {
            string population = p.Population > 0 ? $", population {p.Population.ToString("N0", CultureInfo.InvariantCulture)}" : string.Empty;
            screen.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"Place: {p.Name}, {p.Country} at {p.Latitude:0.####}, {p.Longitude:0.####}{population} (GeoNames {p.GeoNameId}, {p.FeatureCode})"), "  ");
        }

        if (e.FullerNames.Count > 0)
        {
            screen.Line("May be: " + string.Join("; ", e.FullerNames.Select(f => $"{f.Name} ({f.Key})")), "  ");
        }

        screen.Line();
        var stories = new TextTable("Stories").Column("ID", Cell.Number).Column("Story", Cell.Prose).Column("Reports", Cell.Number).Column("Mentions", Cell.Number);
        foreach (EntityStoryItem s in e.Stories)
        {
            stories.Row(Number(s.Story), s.Title, Number(s.Reports), Number(s.Mentions));
        }

        screen.Write(stories);
        var related = new TextTable("Mentioned with").Column("Name").Column("Type").Column("Shared reports", Cell.Number);
        foreach (RelatedEntityItem r in e.CoOccurring)
        {
            related.Row(r.Name, Labels.Of(r.Type), Number(r.Reports));
        }

        screen.Write(related);
    }

    /// <summary>The line an ingest ends with.</summary>
    public static string Ingested(IngestView s, long reports, long stories) =>
        $"Read {Count(s.Read, "report")}: {s.New} new, {s.Duplicates} duplicate, {s.Failed} failed; " +
        $"{Count(s.NewStories, "new story", "new stories")}. The archive holds {Count(reports, "report")} in {Count(stories, "story", "stories")}.";
}
