namespace Storyline.Ingest;

/// <summary>
/// The order reports are assigned to stories in, on every store: publication date, then id (the hash of the report's
/// content, compared as ordinal text). An online clusterer's stories depend on the order it sees reports in; this one
/// is a property of the reports themselves, so that one run over an input, the same input listed in another order, and
/// several processes each queueing a share of it (PostgreSQL's queue orders by <c>published, id COLLATE "C"</c>, the
/// same rule) all make the same stories. Within a day the input's own order is not kept: a writer's share of the input
/// has no place in another writer's.
/// </summary>
public static class ReportOrder
{
    /// <summary>Compares two reports by date, then id.</summary>
    public static int Compare(PendingReport a, PendingReport b)
    {
        int byDate = a.Published.CompareTo(b.Published);
        return byDate != 0 ? byDate : a.Id.CompareTo(b.Id);
    }
}
