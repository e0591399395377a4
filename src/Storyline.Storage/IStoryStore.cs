using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>
/// Where reports, their analyses and their stories are kept. Every implementation has the same behaviour, checked by
/// one contract test suite. Writes of one report (article, analysis, entities, story assignment, search index) are
/// one transaction: after a crash a report is either wholly stored or not at all.
/// </summary>
public interface IStoryStore : IAsyncDisposable
{
    /// <summary>Which of <paramref name="ids"/> are already stored.</summary>
    Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one analysed report and its story assignment. A report already stored is left as it is and
    /// <c>false</c> is returned.
    /// </summary>
    Task<bool> SaveAsync(AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds what the clusterer needs to go on: document frequencies, and the stories still open.</summary>
    Task<ClusteringState> LoadClusteringStateAsync(ClusteringOptions options, CancellationToken cancellationToken = default);

    /// <summary>Every story, latest activity first.</summary>
    Task<IReadOnlyList<StorySummary>> ListStoriesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One story with its reports' ids in the order they joined (near-copies included, see <see cref="Story.Copies"/>),
    /// or null. A story merged into another comes back with no reports and <see cref="Story.MergedInto"/> set.
    /// </summary>
    Task<Story?> GetStoryAsync(StoryId id, CancellationToken cancellationToken = default);

    /// <summary>The stories merged into <paramref name="into"/> (directly or through a story merged into it), oldest merge first.</summary>
    Task<IReadOnlyList<StoryMerge>> GetMergesAsync(StoryId into, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoryMerge>>([]);

    /// <summary>
    /// The stored reports of a story, analysed, in publication order. Tokens are not stored: their list is empty;
    /// sentences, mentions, entities, times, quotes and claims are as stored.
    /// </summary>
    Task<IReadOnlyList<AnalyzedArticle>> GetStoryReportsAsync(StoryId id, CancellationToken cancellationToken = default);

    /// <summary>One stored report by id or unique id prefix, or null.</summary>
    Task<StoredReport?> GetReportAsync(string idOrPrefix, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over titles and bodies; words are all required, "quoted words" are a phrase.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>How much is stored.</summary>
    Task<ArchiveCounts> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>A story found to be the same as an earlier one and merged into it.</summary>
/// <param name="From">The story merged away.</param>
/// <param name="Into">The story it was merged into at the time.</param>
/// <param name="AtReport">The report that showed the two were one.</param>
/// <param name="Published">That report's date.</param>
public sealed record StoryMerge(StoryId From, StoryId Into, ArticleId AtReport, DateOnly Published);

/// <summary>A story as listed.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="FirstReport">Date of its earliest report.</param>
/// <param name="LastReport">Date of its latest report.</param>
/// <param name="ReportCount">Number of reports, near-copies not counted.</param>
public sealed record StorySummary(StoryId Id, string Title, DateOnly FirstReport, DateOnly LastReport, int ReportCount);

/// <summary>A stored report with the story it belongs to.</summary>
/// <param name="Report">The analysed report (tokens not stored).</param>
/// <param name="Story">Its story.</param>
public sealed record StoredReport(AnalyzedArticle Report, StoryId Story);

/// <summary>A report that matches a search.</summary>
/// <param name="Report">Its id.</param>
/// <param name="Published">Its date.</param>
/// <param name="Title">Its title, where known.</param>
/// <param name="Story">Its story.</param>
/// <param name="Snippet">The matching text, with matches between « and ».</param>
public sealed record SearchHit(ArticleId Report, DateOnly Published, string? Title, StoryId Story, string Snippet);

/// <summary>Counts of what an archive holds.</summary>
/// <param name="Reports">Stored reports.</param>
/// <param name="Stories">Stories.</param>
/// <param name="Entities">Distinct entities.</param>
public sealed record ArchiveCounts(long Reports, long Stories, long Entities);
