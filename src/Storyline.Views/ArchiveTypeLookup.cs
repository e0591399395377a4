using Storyline.Domain;
using Storyline.Entities;
using Storyline.Storage;

namespace Storyline.Views;

/// <summary>
/// Stored reports as every view shows them: each entity, and each mention of it, with the entity's type over the
/// archive (the type the entity list shows, <see cref="ArchiveTypes"/>), not the type one report gave it. So "Derna",
/// a person in one report and a place in most, is a place in every story view.
/// </summary>
public static class ArchiveTypeLookup
{
    /// <summary>The reports with the archive's types (the same list where nothing differs).</summary>
    public static async Task<IReadOnlyList<AnalyzedArticle>> ApplyAsync(IStoryStore store, IReadOnlyList<AnalyzedArticle> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reports);
        EntityKey[] keys = [.. reports.SelectMany(r => r.Entities.Select(e => e.Key)).Distinct()];
        if (keys.Length == 0)
        {
            return reports;
        }

        IReadOnlyDictionary<string, EntityType> types = await store.GetEntityTypesAsync(keys, cancellationToken).ConfigureAwait(false);
        return [.. reports.Select(r => ArchiveTypes.Apply(r, types))];
    }

    /// <summary>One stored report by id or unique id prefix, with the archive's types; null where there is none.</summary>
    public static async Task<StoredReport?> LoadReportAsync(IStoryStore store, string idOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        StoredReport? stored = await store.GetReportAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : stored with { Report = (await ApplyAsync(store, [stored.Report], cancellationToken).ConfigureAwait(false))[0] };
    }
}
