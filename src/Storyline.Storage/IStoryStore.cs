using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>
/// Where reports, their analyses and their stories are kept. Every implementation has the same behaviour, checked by
/// one contract test suite. Writes of one report (article, analysis, entities, story assignment, search index) are
/// one transaction, or part of one transaction of a batch of reports: after a crash a report is either wholly stored
/// or not at all, and a batch likewise.
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

    /// <summary>
    /// Stores several analysed reports with their story assignments, in the order given, in ONE transaction: after a
    /// crash either all of them are stored or none. The archive is the same as after <see cref="SaveAsync"/> of each in
    /// turn. Returns, for each report, whether it was new (a report already stored is left as it is).
    /// </summary>
    /// <exception cref="StoreException">
    /// An assignment starts a story (<see cref="StoryAssignment.IsNewStory"/>) whose number the archive already holds:
    /// another writer numbered stories at the same time. Nothing of the batch is stored; two stories are never fused.
    /// </exception>
    Task<IReadOnlyList<bool>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until no other writer holds the archive's writer lock, in this process or any other, and takes it; disposing
    /// the result gives it up, and so does the end of the process. A writer holds it from the moment it looks for the
    /// reports already stored until its last report is stored: it then reads the clustering state, numbers new stories
    /// and stores them alone, so that writers that overlap in time make the archive of one sequential run, never two
    /// stories under one number. Readers are not held up by it.
    /// </summary>
    /// <exception cref="StoreException">The lock cannot be taken (for a file, its folder is not writable).</exception>
    Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// What <c>storyline watch</c> kept for its next run (the validators of the pages and feeds it fetched, the feed items
    /// it read), as the text it saved; null when nothing is kept. A SQLite archive keeps it in a file beside itself
    /// (<c>&lt;archive&gt;.watch.json</c>), a PostgreSQL archive inside the database.
    /// </summary>
    Task<string?> LoadWatchStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="state"/> for the next <see cref="LoadWatchStateAsync"/>, in place of what was kept (a crash while saving leaves the old).</summary>
    Task SaveWatchStateAsync(string state, CancellationToken cancellationToken = default);

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

    /// <summary>
    /// The type over the archive of each of <paramref name="keys"/> the archive holds: the type the entity list shows,
    /// decided from all its mentions (<see cref="Entities.ArchiveTypes.Decide"/>). Keys it does not hold are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, EntityType>> GetEntityTypesAsync(IReadOnlyCollection<EntityKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over titles and bodies; words are all required, "quoted words" are a phrase.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>How much is stored.</summary>
    Task<ArchiveCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The entities mentioned across all reports, most mentioned first (then by name), of one type where
    /// <paramref name="type"/> is given, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityType? type, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entity whose key, name or one of whose aliases is <paramref name="nameOrKey"/> (any case): an entity whose
    /// key it is first, then one whose name it is, then the most mentioned (so that a short form kept apart, "kim", is
    /// found as itself and not as the person it is an alias of); null when none does.
    /// </summary>
    Task<EntityDetail?> GetEntityAsync(string nameOrKey, int maxRelated = 15, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stored quotes and attributions, in publication order then text order: of one story where <paramref name="story"/>
    /// is given, and of speakers whose entity name, key or source words contain <paramref name="speaker"/> (case
    /// ignored) where it is given. At most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<StoredQuote>> ListQuotesAsync(StoryId? story, string? speaker, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stories, latest activity first as <see cref="ListStoriesAsync"/> lists them, at most <paramref name="limit"/>,
    /// each with its source count and its <paramref name="keyEntities"/> most mentioned people, organisations and places
    /// in its original reports, without loading the reports (StoryCards.cs).
    /// </summary>
    Task<IReadOnlyList<StoryCard>> ListStoryCardsAsync(int limit, int keyEntities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Full-text search as <see cref="SearchAsync(string, int, CancellationToken)"/>, keeping only the reports that pass
    /// the filter's publication dates, entity and story, at most <paramref name="limit"/> of them.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchFilter filter, int limit, CancellationToken cancellationToken = default);
}

/// <summary>An analysed report, its clustering features and its story assignment, to be stored.</summary>
/// <param name="Report">The analysed report.</param>
/// <param name="Features">Its clustering features.</param>
/// <param name="Assignment">Its story assignment.</param>
public sealed record ReportToStore(AnalyzedArticle Report, StoryFeatures Features, StoryAssignment Assignment)
{
    /// <summary>
    /// The report's analysis as <see cref="AnalysisJson.Serialize"/> gives it, where the caller has it already (a report
    /// that waited in a queue as JSON): a store writes it as it is instead of making it again, and of
    /// <see cref="Report"/> needs only the article, mentions, entities and quotes. Null: the store makes it.
    /// </summary>
    public string? StoredAnalysis { get; init; }

    /// <summary>Likewise its features as <see cref="AnalysisJson.SerializeFeatures"/> gives them, or null.</summary>
    public string? StoredFeatures { get; init; }

    /// <summary>
    /// Likewise the store's own search text of its article (PostgreSQL's tsvector), where the caller made it already with
    /// the store's function; null: the store makes it. A store that indexes by itself (SQLite's FTS5) makes none and
    /// ignores it.
    /// </summary>
    public string? StoredSearchDocument { get; init; }

    /// <summary>
    /// Where the report's analysis, features and search text wait in a row of the store's own ingest queue (PostgreSQL's,
    /// by its place in the queue), as <see cref="StoredAnalysis"/> and the others would give them: the store copies them
    /// on the server instead of receiving them again from the client, and they are left null here. A store without such
    /// a queue refuses a report that has one and no <see cref="StoredAnalysis"/>.
    /// </summary>
    public long? QueueRow { get; init; }

    /// <summary>Throws when <paramref name="reports"/> or any of its items or their parts is null: a store checks a batch before it writes any of it.</summary>
    public static void ThrowIfIncomplete(IReadOnlyList<ReportToStore> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (ReportToStore item in reports)
        {
            ArgumentNullException.ThrowIfNull(item);
            ArgumentNullException.ThrowIfNull(item.Report);
            ArgumentNullException.ThrowIfNull(item.Features);
            ArgumentNullException.ThrowIfNull(item.Assignment);
        }
    }
}

/// <summary>An entity as listed: how often and when it was mentioned.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Type">Its type over the archive: the type most of its mentions had (<see cref="Entities.ArchiveTypes"/>).</param>
/// <param name="Name">Its fullest name.</param>
/// <param name="Mentions">Mentions over all reports.</param>
/// <param name="Reports">Reports that mention it.</param>
/// <param name="FirstSeen">Publication date of the first report that mentions it.</param>
/// <param name="LastSeen">Publication date of the last.</param>
public sealed record EntitySummary(EntityKey Key, EntityType Type, string Name, int Mentions, int Reports, DateOnly FirstSeen, DateOnly LastSeen);

/// <summary>One entity with every name and role it had across reports, its place, its stories and its company.</summary>
/// <param name="Summary">Counts and dates.</param>
/// <param name="Aliases">Other names seen, over all reports.</param>
/// <param name="Roles">Titles and roles seen, over all reports.</param>
/// <param name="Place">Where it is, for a geocoded place or country.</param>
/// <param name="Stories">The stories it appears in, most mentions first.</param>
/// <param name="CoOccurring">Other entities mentioned in the same reports, most shared reports first.</param>
/// <param name="FullerNames">
/// For a one-word name ("putin", from a report that never gave the full name): the people whose full name begins or
/// ends with it ("vladimir putin"), with their report counts. Shown, never merged.
/// </param>
public sealed record EntityDetail(
    EntitySummary Summary,
    System.Collections.Immutable.ImmutableArray<string> Aliases,
    System.Collections.Immutable.ImmutableArray<string> Roles,
    Place? Place,
    IReadOnlyList<EntityStory> Stories,
    IReadOnlyList<RelatedEntity> CoOccurring,
    IReadOnlyList<RelatedEntity> FullerNames);

/// <summary>A story an entity appears in.</summary>
/// <param name="Story">The story.</param>
/// <param name="Title">Its title.</param>
/// <param name="Reports">Reports of the story that mention the entity.</param>
/// <param name="Mentions">Mentions in those reports.</param>
public sealed record EntityStory(StoryId Story, string Title, int Reports, int Mentions);

/// <summary>An entity mentioned in the same reports as another.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Type">Its type.</param>
/// <param name="Name">Its name.</param>
/// <param name="Reports">Reports that mention both.</param>
public sealed record RelatedEntity(EntityKey Key, EntityType Type, string Name, int Reports);

/// <summary>A stored quote with its report and the words its spans point to.</summary>
/// <param name="Report">The report it is in.</param>
/// <param name="Published">The report's date.</param>
/// <param name="Story">The report's story.</param>
/// <param name="Quote">The quote as the quotes stage found it.</param>
/// <param name="Content">The quoted or reported words.</param>
/// <param name="Source">The source's words, where found.</param>
/// <param name="Cue">The cue's words, where found.</param>
/// <param name="SpeakerName">The display name of the speaker entity, where resolved.</param>
/// <param name="CitedBy">The go-between's words, where any.</param>
/// <param name="Citing">The words of whom the source cites, where any.</param>
public sealed record StoredQuote(
    ArticleId Report,
    DateOnly Published,
    StoryId Story,
    Quote Quote,
    string Content,
    string? Source,
    string? Cue,
    string? SpeakerName,
    string? CitedBy = null,
    string? Citing = null);
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
