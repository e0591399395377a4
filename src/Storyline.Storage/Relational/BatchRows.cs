using Storyline.Domain;
using Storyline.Entities;
using Storyline.Stories;

namespace Storyline.Storage.Relational;

/// <summary>
/// The rows a batch of reports adds to an archive, computed once for either store: the new reports (those not stored
/// yet, first of the batch with their id) with their JSON; their entities (the first name seen staying, the type decided
/// from every mention so far: <see cref="DecideTypes"/>), names and places, each row once, the first seen staying; the
/// document-frequency changes; their mentions and quotes; and the story changes
/// (<see cref="StoryChanges"/>). A store writes them with its own bulk statements; the archive is the one that saving the
/// reports one at a time, in order, makes.
/// </summary>
public sealed class BatchRows
{
    // Each entity key's first entity in the batch.
    private IReadOnlyList<Entity> firstSeen = [];

    private BatchRows(IReadOnlyList<NewReport> reports)
    {
        Reports = reports;
    }

    /// <summary>The new reports, in batch order.</summary>
    public IReadOnlyList<NewReport> Reports { get; }

    /// <summary>
    /// The keys of the new reports' entities, in order of first appearance: the entity rows whose type votes are read
    /// (<see cref="DecideTypes"/>) before <see cref="Entities"/> can be made.
    /// </summary>
    public IReadOnlyList<string> EntityKeys => [.. firstSeen.Select(e => e.Key.Value)];

    /// <summary>
    /// The entity rows as the batch leaves them, in order of first appearance: each key's first name (a later report
    /// changes no name), its type over the archive and its votes; made by <see cref="DecideTypes"/>.
    /// </summary>
    public IReadOnlyList<EntityRow> Entities { get; private set; } = [];

    /// <summary>Every (entity key, kind, name) of the new reports' entities, once: kind "alias" (the name and other names) or "role".</summary>
    public IReadOnlyList<(string Key, string Kind, string Name)> Names { get; private set; } = [];

    /// <summary>The place of each geocoded entity, the first seen.</summary>
    public IReadOnlyList<(string Key, Place Place)> Places { get; private set; } = [];

    /// <summary>For each term, the number of new reports (near-copies left out) it occurs in, in order of first appearance.</summary>
    public IReadOnlyList<(string Term, int Reports)> Terms { get; private set; } = [];

    /// <summary>The mentions of the new reports, in report order then mention order.</summary>
    public IReadOnlyList<MentionRow> Mentions { get; private set; } = [];

    /// <summary>The quotes of the new reports, in report order then quote order.</summary>
    public IReadOnlyList<QuoteRow> Quotes { get; private set; } = [];

    /// <summary>
    /// Which of <paramref name="reports"/> are new (not among <paramref name="stored"/>, and the first of the batch with
    /// their id), into <paramref name="isNew"/>, and the rows they add; <paramref name="prepared"/> is each report's
    /// JSON (and a store's own text), made beforehand.
    /// </summary>
    public static BatchRows Of(IReadOnlyList<ReportToStore> reports, IReadOnlyList<PreparedReport> prepared, IReadOnlySet<string> stored, bool[] isNew)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(isNew);
        var seen = new HashSet<string>(stored, StringComparer.Ordinal);
        var fresh = new List<NewReport>();
        for (int i = 0; i < reports.Count; i++)
        {
            isNew[i] = seen.Add(reports[i].Report.Article.Id.Value);
            if (isNew[i])
            {
                fresh.Add(new NewReport(reports[i], prepared[i]));
            }
        }

        var rows = new BatchRows(fresh);
        rows.CollectShared();
        rows.CollectPerReport();
        return rows;
    }

    // Entities, names, places and document frequencies: shared by the batch's reports, each row once, in report order.
    private void CollectShared()
    {
        var entities = new List<Entity>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<(string, string, string)>();
        var seenNames = new HashSet<(string, string, string)>();
        var places = new List<(string, Place)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var termOrder = new List<string>();
        foreach (NewReport item in Reports)
        {
            foreach (Entity entity in item.Report.Entities)
            {
                string key = entity.Key.Value;
                if (keys.Add(key))
                {
                    entities.Add(entity);
                }

                foreach (string alias in entity.Aliases.Prepend(entity.Name))
                {
                    if (seenNames.Add((key, "alias", alias)))
                    {
                        names.Add((key, "alias", alias));
                    }
                }

                foreach (string role in entity.Roles)
                {
                    if (seenNames.Add((key, "role", role)))
                    {
                        names.Add((key, "role", role));
                    }
                }

                if (entity.Place is Place place && placed.Add(key))
                {
                    places.Add((key, place));
                }
            }

            // A near-copy is a source of its story, not a second report: it changes no term frequency.
            if (item.Assignment.CopyOf is null)
            {
                foreach (TermCount term in item.Features.Terms)
                {
                    if (terms.TryGetValue(term.Term, out int count))
                    {
                        terms[term.Term] = count + 1;
                    }
                    else
                    {
                        terms[term.Term] = 1;
                        termOrder.Add(term.Term);
                    }
                }
            }
        }

        firstSeen = entities;
        Names = names;
        Places = places;
        Terms = [.. termOrder.Select(t => (t, terms[t]))];
    }

    /// <summary>
    /// Makes <see cref="Entities"/>: each entity's type over the archive, from <paramref name="stored"/> (the type and
    /// votes of the keys the archive holds already) and the votes of the new reports' mentions, taken report by report in
    /// order, as saving them one at a time would (<see cref="ArchiveTypes.Decide"/>: ties go to the type the entity had).
    /// </summary>
    public void DecideTypes(IReadOnlyDictionary<string, (EntityType Type, TypeVotes Votes)> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var now = new Dictionary<string, (EntityType Type, TypeVotes Votes)>(stored, StringComparer.Ordinal);
        foreach (NewReport item in Reports)
        {
            IReadOnlyDictionary<string, TypeVotes> votes = ArchiveTypes.Count(item.Report);
            foreach (Entity entity in item.Report.Entities.DistinctBy(e => e.Key.Value))
            {
                string key = entity.Key.Value;
                (EntityType type, TypeVotes old) = now.TryGetValue(key, out var row) ? row : (entity.Type, default);
                TypeVotes total = old.Plus(votes.GetValueOrDefault(key));
                now[key] = (ArchiveTypes.Decide(key, total, type), total);
            }
        }

        Entities = [.. firstSeen.Select(e => new EntityRow(e.Key.Value, now[e.Key.Value].Type.ToString(), e.Name, now[e.Key.Value].Votes))];
    }

    // Mentions and quotes: each report's own rows.
    private void CollectPerReport()
    {
        var mentions = new List<MentionRow>();
        var quotes = new List<QuoteRow>();
        foreach (NewReport item in Reports)
        {
            AnalyzedArticle report = item.Report;
            string id = report.Article.Id.Value;
            foreach (Mention m in report.Mentions)
            {
                mentions.Add(new MentionRow(id, m.Span.Start, m.Span.Length, m.Entity.Value, m.Sentence, m.Role));
            }

            for (int q = 0; q < report.Quotes.Length; q++)
            {
                Quote quote = report.Quotes[q];
                quotes.Add(new QuoteRow(
                    id, q, quote.Kind.ToString(), quote.Sentence, quote.Content.Start, quote.Content.Length, quote.Speaker?.Value,
                    quote.SourceKind.ToString(), quote.Source is TextSpan source ? report.Text(source) : null));
            }
        }

        Mentions = mentions;
        Quotes = quotes;
    }
}

/// <summary>What a report stores as text, made before its batch's transaction (on any core: it depends on the report alone).</summary>
/// <param name="Analysis">Its analysis as JSON (<see cref="AnalysisJson"/>); null only where <paramref name="QueueRow"/> holds it.</param>
/// <param name="Features">Its story features as JSON; likewise.</param>
/// <param name="Search">A store's own search text for it (PostgreSQL's tsvector), or null.</param>
/// <param name="QueueRow">The store's queue row the three are copied from on the server (<see cref="ReportToStore.QueueRow"/>), or null.</param>
public sealed record PreparedReport(string? Analysis, string? Features, string? Search, long? QueueRow = null);

/// <summary>A report of the batch that is to be stored.</summary>
/// <param name="Item">The report, its features and its assignment.</param>
/// <param name="Prepared">Its JSON.</param>
public sealed record NewReport(ReportToStore Item, PreparedReport Prepared)
{
    /// <summary>The analysed report.</summary>
    public AnalyzedArticle Report => Item.Report;

    /// <summary>Its story features.</summary>
    public StoryFeatures Features => Item.Features;

    /// <summary>Its story assignment.</summary>
    public StoryAssignment Assignment => Item.Assignment;

    /// <summary>Its publication date as stored.</summary>
    public string Day => DayText.Format(Item.Report.Article.Published);
}

/// <summary>A row of <c>entities</c>.</summary>
/// <param name="Key">The entity's key.</param>
/// <param name="Type">Its type over the archive.</param>
/// <param name="Name">Its name (kept from the first report that named it, where it is stored already).</param>
/// <param name="Votes">How many of its mentions, over the archive, were typed as each type.</param>
public sealed record EntityRow(string Key, string Type, string Name, TypeVotes Votes);

/// <summary>A row of <c>mentions</c>.</summary>
/// <param name="Article">The report's id.</param>
/// <param name="Start">Where the mention starts.</param>
/// <param name="Length">Its length.</param>
/// <param name="Entity">The entity's key.</param>
/// <param name="Sentence">Its sentence.</param>
/// <param name="Role">The role given there, or null.</param>
public sealed record MentionRow(string Article, int Start, int Length, string Entity, int Sentence, string? Role);

/// <summary>A row of <c>quotes</c>.</summary>
/// <param name="Article">The report's id.</param>
/// <param name="Ordinal">The quote's place in the report's analysis.</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Sentence">Its sentence.</param>
/// <param name="ContentStart">Where its content starts.</param>
/// <param name="ContentLength">Its content's length.</param>
/// <param name="Speaker">The speaker entity's key, or null.</param>
/// <param name="SourceKind">The kind of source.</param>
/// <param name="SourceText">The source's words, or null.</param>
public sealed record QuoteRow(string Article, int Ordinal, string Kind, int Sentence, int ContentStart, int ContentLength, string? Speaker, string SourceKind, string? SourceText);
