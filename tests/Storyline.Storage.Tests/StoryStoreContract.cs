using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

/// <summary>
/// What every <see cref="IStoryStore"/> must do. Each implementation inherits this suite and says how to open a store;
/// opening the same name again opens the same store (to test that data persists).
/// </summary>
public abstract partial class StoryStoreContract
{
    /// <summary>Opens (creating where missing) the store called <paramref name="name"/>, private to this test.</summary>
    protected abstract Task<IStoryStore> OpenAsync(string name);

    private static AnalyzedArticle R(int index) => Reports.Stream[index];

    // ---- Saving and finding ----

    [Fact]
    public async Task A_saved_report_is_found()
    {
        await using IStoryStore store = await OpenAsync("main");

        Assert.True(await store.SaveInStoryAsync(R(0), 1));

        IReadOnlySet<ArticleId> existing = await store.FindExistingAsync([R(0).Article.Id, R(1).Article.Id]);
        Assert.Equal([R(0).Article.Id], existing);
        Assert.Empty(await store.FindExistingAsync([]));
    }

    [Fact]
    public async Task Many_ids_are_looked_up_at_once()
    {
        // Given three stored reports
        await using IStoryStore store = await OpenAsync("main");
        static string Id(int i) => "e" + i.ToString("x15", System.Globalization.CultureInfo.InvariantCulture);
        string[] stored = [Id(1), Id(600), Id(1199)];
        foreach (string id in stored)
        {
            await store.SaveInStoryAsync(Reports.Bare(id, "2023-09-12", "Report " + id), 1);
        }

        // When 1,200 ids are asked about at once (more than one query's worth of parameters), one of them twice
        ArticleId[] asked = [.. Enumerable.Range(0, 1200).Select(i => new ArticleId(Id(i))), new ArticleId(Id(1))];
        IReadOnlySet<ArticleId> existing = await store.FindExistingAsync(asked);

        // Then exactly the stored ones are found
        Assert.Equal(stored.Select(id => new ArticleId(id)).Order(), existing.Order());
    }

    [Fact]
    public async Task Saving_a_report_again_changes_nothing()
    {
        // Given a stored report
        await using IStoryStore store = await OpenAsync("main");
        Assert.True(await store.SaveInStoryAsync(R(0), 1));
        ArchiveCounts before = await store.CountAsync();

        // When it is saved again, even with another assignment
        bool again = await store.SaveInStoryAsync(R(0), 2, "Another story");

        // Then false is returned and there is still one copy, in its first story
        Assert.False(again);
        Assert.Equal(before, await store.CountAsync());
        Assert.Equal(new ArchiveCounts(1, 1, R(0).Entities.Length), before);
        Assert.Equal([R(0).Article.Id], (await store.GetStoryAsync(new StoryId(1)))!.Reports.ToArray());
        Assert.Null(await store.GetStoryAsync(new StoryId(2)));
        Assert.Single(await store.SearchAsync("Seoul", 10));
    }

    [Fact]
    public async Task Counts_give_reports_stories_and_distinct_entities()
    {
        await using IStoryStore store = await OpenAsync("main");
        Assert.Equal(new ArchiveCounts(0, 0, 0), await store.CountAsync());

        await store.SaveInStoryAsync(R(0), 1);
        await store.SaveInStoryAsync(R(2), 1);
        await store.SaveInStoryAsync(R(1), 2);

        long entities = new[] { R(0), R(2), R(1) }.SelectMany(r => r.Entities).Select(e => e.Key).Distinct().LongCount();
        Assert.Equal(new ArchiveCounts(3, 2, entities), await store.CountAsync());
    }

    // ---- Round trip of a report ----

    [Fact]
    public async Task A_report_comes_back_as_it_was_stored_without_tokens()
    {
        // Given a report with every article field and every kind of annotation, some made by hand
        AnalyzedArticle analysed = Reports.Analyze(
            "2023-09-11",
            "Kim's armoured train heads to Vladivostok",
            "VLADIVOSTOK, Russia: Residents of Vladivostok waited on Monday for Kim Jong Un, who \"may arrive\" by train, ahead of talks with Vladimir Putin.\n\nThe Kremlin said it had nothing to say. Officials denied the visit was planned.",
            outlet: "Reuters",
            url: "https://example.com/kim-train",
            origin: "feeds/reuters.jsonl");
        Assert.NotEmpty(analysed.Sentences);
        Assert.NotEmpty(analysed.Mentions);
        Assert.NotEmpty(analysed.Entities);
        Assert.NotNull(analysed.Article.Dateline);
        AnalyzedArticle report = analysed with
        {
            Article = analysed.Article with { Author = "Andrew Osborn", Paywalled = true },
            Mentions = [analysed.Mentions[0] with { Role = "North Korean leader" }, .. analysed.Mentions[1..]],
            Entities = [analysed.Entities[0] with { Aliases = ["Kim", "Kim Jong-un"], Roles = ["leader", "chairman"] }, .. analysed.Entities[1..]],
            Times =
            [
                new TimeExpression(new TextSpan(46, 9), TimeType.Date, "2023-09-11", 0, new DateOnly(2023, 9, 11)),
                new TimeExpression(new TextSpan(0, 0), TimeType.Duration, "P3Y", 1, new DateOnly(2023, 9, 11)),
            ],
            Quotes =
            [
                new Quote(new TextSpan(80, 11), QuoteKind.Direct, 0, Source: new TextSpan(60, 12), Speaker: analysed.Entities[0].Key, SourceKind: SourceKind.NamedPerson),
                new Quote(new TextSpan(170, 20), QuoteKind.Indirect, 1, Cue: new TextSpan(165, 4), SourceKind: SourceKind.Organization),
            ],
            Claims =
            [
                new Claim(new TextSpan(0, 40), 0, Certainty.Speculative),
                new Claim(new TextSpan(200, 30), 2, Certainty.Denied, new TextSpan(190, 9), SourceKind.Anonymous),
            ],
        };
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(report, 1);

        // When it is read back by story and by id
        AnalyzedArticle byStory = Assert.Single(await store.GetStoryReportsAsync(new StoryId(1)));
        StoredReport? byId = await store.GetReportAsync(report.Article.Id.Value);

        // Then everything but the tokens is as stored
        Same.Analysis(report, byStory);
        Assert.NotNull(byId);
        Same.Analysis(report, byId.Report);
        Assert.Equal(new StoryId(1), byId.Story);
        Assert.Equal("Reuters", byStory.Article.Outlet);
        Assert.Equal("https://example.com/kim-train", byStory.Article.Url);
        Assert.Equal("feeds/reuters.jsonl", byStory.Article.Origin);
        Assert.Equal("Andrew Osborn", byStory.Article.Author);
        Assert.True(byStory.Article.Paywalled);
    }

    [Fact]
    public async Task Missing_optional_fields_come_back_missing()
    {
        AnalyzedArticle report = Reports.Analyze("2023-09-12", null, "Floods swept through Derna after the dams burst.", outlet: null);
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(report, 1);

        AnalyzedArticle back = Assert.Single(await store.GetStoryReportsAsync(new StoryId(1)));

        Same.Analysis(report, back);
        Assert.Null(back.Article.Title);
        Assert.Null(back.Article.Outlet);
        Assert.Null(back.Article.Url);
        Assert.Null(back.Article.Dateline);
        Assert.Null(back.Article.Author);
        Assert.False(back.Article.Paywalled);
    }

    // ---- Stories ----

    [Fact]
    public async Task Stories_are_listed_latest_report_first_with_dates_and_counts()
    {
        // Given three stories whose order by latest report differs from their order of creation
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(Reports.Bare("a000000000000001", "2023-09-10"), 1, "Kim to Russia");
        await store.SaveInStoryAsync(Reports.Bare("a000000000000002", "2023-09-12"), 2, "Libya floods");
        await store.SaveInStoryAsync(Reports.Bare("a000000000000003", "2023-09-11"), 3, "Bank of England");
        IReadOnlyList<StorySummary> before = await store.ListStoriesAsync();

        // When a later report joins the first story, and an earlier one the third
        await store.SaveInStoryAsync(Reports.Bare("a000000000000004", "2023-09-13"), 1, "Kim in Russia");
        await store.SaveInStoryAsync(Reports.Bare("a000000000000005", "2023-09-09"), 3, "Bank of England");
        IReadOnlyList<StorySummary> after = await store.ListStoriesAsync();

        // Then the listing follows the latest report, and dates, counts and titles follow the reports
        Assert.Equal([2L, 3L, 1L], before.Select(s => s.Id.Value));
        Assert.Equal(
            [
                new StorySummary(new StoryId(1), "Kim in Russia", Reports.Day("2023-09-10"), Reports.Day("2023-09-13"), 2),
                new StorySummary(new StoryId(2), "Libya floods", Reports.Day("2023-09-12"), Reports.Day("2023-09-12"), 1),
                new StorySummary(new StoryId(3), "Bank of England", Reports.Day("2023-09-09"), Reports.Day("2023-09-11"), 2),
            ],
            after);
    }

    [Fact]
    public async Task A_story_lists_its_reports_in_join_order()
    {
        // Given reports that join one story out of date order
        AnalyzedArticle late = Reports.Bare("b000000000000001", "2023-09-14");
        AnalyzedArticle early = Reports.Bare("b000000000000002", "2023-09-10");
        AnalyzedArticle middle = Reports.Bare("b000000000000003", "2023-09-12");
        await using IStoryStore store = await OpenAsync("main");
        foreach (AnalyzedArticle report in new[] { late, early, middle })
        {
            await store.SaveInStoryAsync(report, 7, "Story seven");
        }

        // When the story and its reports are read
        Story? story = await store.GetStoryAsync(new StoryId(7));
        IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(new StoryId(7));

        // Then the story's ids are in join order, its reports in publication order
        Assert.NotNull(story);
        Assert.Equal(new StoryId(7), story.Id);
        Assert.Equal("Story seven", story.Title);
        Assert.Equal(Reports.Day("2023-09-10"), story.FirstReport);
        Assert.Equal(Reports.Day("2023-09-14"), story.LastReport);
        Assert.Equal([late.Article.Id, early.Article.Id, middle.Article.Id], story.Reports.ToArray());
        Assert.Equal([early.Article.Id, middle.Article.Id, late.Article.Id], reports.Select(r => r.Article.Id));
    }

    [Fact]
    public async Task An_unknown_story_is_null_and_has_no_reports()
    {
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(0), 1);

        Assert.Null(await store.GetStoryAsync(new StoryId(2)));
        Assert.Empty(await store.GetStoryReportsAsync(new StoryId(2)));
        Assert.Empty(await (await OpenAsync("empty")).ListStoriesAsync());
    }

    // ---- Reports by id ----

    /// <summary>What is asked for, and the id it must find (null: none).</summary>
    public static TheoryData<string, string?> IdLookups => new()
    {
        // The full id.
        { "abc0000000000001", "abc0000000000001" },

        // A unique prefix.
        { "abd", "abd0000000000000" },

        // Capitals and surrounding spaces, as a user might paste them.
        { "  ABD0 ", "abd0000000000000" },

        // A prefix two reports share.
        { "abc", null },

        // A longer prefix two reports still share.
        { "abc000000000000", null },

        // A prefix no report has.
        { "fff", null },

        // Not hex: never a prefix, never a pattern.
        { "abx", null },
        { "ab%", null },
        { "a_c", null },
        { "abc0000000000001' OR '1'='1", null },

        // Nothing.
        { "", null },
        { "   ", null },

        // Longer than any id.
        { "abc00000000000010", null },
    };

    [Theory]
    [MemberData(nameof(IdLookups))]
    public async Task A_report_is_found_by_id_or_unique_prefix(string asked, string? found)
    {
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(Reports.Bare("abc0000000000001", "2023-09-10"), 1);
        await store.SaveInStoryAsync(Reports.Bare("abc0000000000002", "2023-09-11"), 1);
        await store.SaveInStoryAsync(Reports.Bare("abd0000000000000", "2023-09-12"), 2);

        StoredReport? report = await store.GetReportAsync(asked);

        Assert.Equal(found, report?.Report.Article.Id.Value);
        if (report is not null)
        {
            Assert.Equal(new StoryId(found == "abd0000000000000" ? 2 : 1), report.Story);
        }
    }

    // ---- Search ----

    private async Task<IStoryStore> OpenSearchableAsync()
    {
        IStoryStore store = await OpenAsync("search");
        await store.SaveInStoryAsync(Reports.Bare("c000000000000001", "2023-09-11", "Kim Jong Un arrived in Vladivostok by armoured train on Tuesday."), 1);
        await store.SaveInStoryAsync(Reports.Bare("c000000000000002", "2023-09-13", "Putin and Kim discussed weapons and satellites at the Vostochny cosmodrome."), 1);
        await store.SaveInStoryAsync(Reports.Bare("c000000000000003", "2023-09-12", "Floods in Derna swept away whole neighbourhoods after two dams burst. Kim sent condolences."), 2);
        await store.SaveInStoryAsync(Reports.Bare("c000000000000004", "2023-09-14", "The Bank of England kept interest rates on hold."), 3);
        return store;
    }

    /// <summary>A query, and the reports it must find (last digit of their ids), in any order.</summary>
    public static TheoryData<string, int[]> Queries => new()
    {
        // One word.
        { "Vladivostok", [1] },

        // Case does not matter.
        { "vLADIVOSTOK", [1] },

        // Every word is required.
        { "kim vladivostok", [1] },
        { "kim derna", [3] },
        { "kim bank", [] },

        // A word in three reports.
        { "kim", [1, 2, 3] },

        // A quoted phrase must appear as written.
        { "\"armoured train\"", [1] },
        { "\"train armoured\"", [] },

        // A phrase and a word together.
        { "\"Kim Jong Un\" tuesday", [1] },

        // Operator words are words: "and" is in reports 2 and 4 ("Putin and Kim", "Bank of England" has no "and").
        { "AND", [2] },
        { "putin OR derna", [] },
        { "NOT putin", [] },

        // A minus sign is not exclusion.
        { "-putin", [2] },

        // A prefix star is not a wildcard.
        { "vladi*", [] },

        // A column filter is not a filter: its punctuation separates words, as in the index.
        { "body:kim", [] },
        { "kim:derna", [3] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_requires_every_word_and_quoted_phrases(string query, int[] expected)
    {
        await using IStoryStore store = await OpenSearchableAsync();

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(query, 10);

        Assert.Equal(expected, hits.Select(h => h.Report.Value[^1] - '0').Order());
    }

    /// <summary>User input full of FTS5 syntax: none of it may throw.</summary>
    public static TheoryData<string> HostileQueries => new()
    {
        // Bare operators.
        "AND", "OR", "NOT", "kim AND", "AND kim", "kim OR", "NOT NOT",

        // NEAR with and without its brackets.
        "NEAR(kim putin)", "NEAR(", "kim NEAR putin", "NEAR(kim, 5",

        // Stars, carets, pluses, minuses.
        "*", "kim*", "*kim", "^kim", "kim + putin", "-x", "--", "- kim",

        // Quotes unbalanced, empty, doubled, and single.
        "\"unbalanced", "kim \"", "\"\"", "\"\"\"", "'", "don't", "\u2019kim\u2019",

        // Column filters and brackets.
        "col:", "body:kim", "title:", ":", "{title body}:kim", "(", ")", "(kim", "kim)", "[kim]",

        // Punctuation only, and control characters.
        ".,;!?", "kim\0putin", "\t\n",

        // Non-Latin scripts and diacritics.
        "Владивосток", "김정은", "Café",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_never_throws_on_what_a_user_types(string query)
    {
        await using IStoryStore store = await OpenSearchableAsync();

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(query, 10);

        Assert.True(hits.Count <= 4);
    }

    [Fact]
    public async Task A_word_repeated_a_thousand_times_is_searched_for_once()
    {
        // 1,500 repeated words held a request for 54 s: FTS5's bm25() and snippet() cost grows with every term (issue 23).
        await using IStoryStore store = await OpenSearchableAsync();

        IReadOnlyList<SearchHit> once = await store.SearchAsync("armoured vladivostok", 10);
        IReadOnlyList<SearchHit> repeated = await store.SearchAsync(string.Join(' ', Enumerable.Repeat("armoured Vladivostok ARMOURED \"armoured\"", 1500)), 10);

        Assert.Equal(once.Select(h => (h.Report, h.Snippet)), repeated.Select(h => (h.Report, h.Snippet)));
    }

    [Fact]
    public async Task A_search_of_more_than_32_different_words_is_refused_with_the_reason()
    {
        await using IStoryStore store = await OpenSearchableAsync();
        string thirtyThree = string.Join(' ', Enumerable.Range(0, 33).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(thirtyThree, 10));
        IReadOnlyList<SearchHit> thirtyTwo = await store.SearchAsync(string.Join(' ', thirtyThree.Split(' ').Skip(1)), 10);

        Assert.Contains("33 different words; at most 32", refused.Message, StringComparison.Ordinal);
        Assert.Empty(thirtyTwo);
    }

    [Fact]
    public async Task Search_gives_the_report_story_date_and_a_snippet_marking_matches()
    {
        await using IStoryStore store = await OpenSearchableAsync();

        SearchHit hit = Assert.Single(await store.SearchAsync("armoured vladivostok", 10));

        Assert.Equal(new ArticleId("c000000000000001"), hit.Report);
        Assert.Equal(new StoryId(1), hit.Story);
        Assert.Equal(Reports.Day("2023-09-11"), hit.Published);
        Assert.Contains("«Vladivostok»", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("«armoured»", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_titles()
    {
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(3), 4);

        SearchHit hit = Assert.Single(await store.SearchAsync("weighs", 10));

        Assert.Equal(R(3).Article.Title, hit.Title);
    }

    [Fact]
    public async Task Search_respects_the_limit()
    {
        await using IStoryStore store = await OpenSearchableAsync();

        Assert.Equal(2, (await store.SearchAsync("kim", 2)).Count);
        Assert.Single(await store.SearchAsync("kim", 1));
        Assert.Empty(await store.SearchAsync("kim", 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("* - :")]
    public async Task An_empty_query_finds_nothing(string query)
    {
        await using IStoryStore store = await OpenSearchableAsync();

        Assert.Empty(await store.SearchAsync(query, 10));
    }

    // ---- Clustering state ----

    [Fact]
    public async Task An_empty_store_has_the_empty_clustering_state()
    {
        await using IStoryStore store = await OpenAsync("main");

        ClusteringState state = await store.LoadClusteringStateAsync(ClusteringOptions.Default);

        Assert.Equal(0, state.DocumentCount);
        Assert.Empty(state.DocumentFrequency);
        Assert.Equal(0, state.LastStoryId);
        Assert.Empty(state.ActiveStories);
    }

    [Fact]
    public async Task The_clustering_state_counts_documents_terms_and_stories()
    {
        // Given the first week of reports, assigned and stored as the ingestor does
        AnalyzedArticle[] week = [.. Reports.Stream.Take(8)];
        await using IStoryStore store = await OpenAsync("main");
        List<StoryAssignment> assignments = await store.IngestAsync(new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty), week);

        // When the state is loaded
        ClusteringState state = await store.LoadClusteringStateAsync(ClusteringOptions.Default);

        // Then it counts every report, and each term in as many reports as have it
        StoryFeatures[] features = [.. week.Select(StoryFeatures.From)];
        Assert.Equal(8, state.DocumentCount);
        var expectedDf = features.SelectMany(f => f.Terms).GroupBy(t => t.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(expectedDf.OrderBy(kv => kv.Key, StringComparer.Ordinal), state.DocumentFrequency.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(3, state.DocumentFrequency["derna"]);
        Assert.Equal(assignments.Max(a => a.Story.Value), state.LastStoryId);

        // And every story is active (all within 30 days), with its reports' features in join order
        Assert.Equal(assignments.Select(a => a.Story).Distinct().Order(), state.ActiveStories.Select(s => s.Id));
        foreach (ClusteringState.StoryMembers story in state.ActiveStories)
        {
            StoryFeatures[] members = [.. assignments.Select((a, i) => (a, i)).Where(x => x.a.Story == story.Id).Select(x => features[x.i])];
            Assert.Equal(members.Length, story.Reports.Length);
            for (int i = 0; i < members.Length; i++)
            {
                Same.Features(members[i], story.Reports[i]);
            }

            Assert.Equal(assignments.Last(a => a.Story == story.Id).StoryTitle, story.Title);
        }
    }

    [Fact]
    public async Task Only_stories_within_the_window_of_the_latest_report_are_active()
    {
        // Given stories of 10, 12 and 20 September
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(Reports.Bare("d000000000000001", "2023-09-10"), 1);
        await store.SaveInStoryAsync(Reports.Bare("d000000000000002", "2023-09-12"), 2);
        await store.SaveInStoryAsync(Reports.Bare("d000000000000003", "2023-09-20"), 3);

        // When the state is loaded with windows of 10, 8 and 7 days
        ClusteringState ten = await store.LoadClusteringStateAsync(ClusteringOptions.Default with { WindowDays = 10 });
        ClusteringState eight = await store.LoadClusteringStateAsync(ClusteringOptions.Default with { WindowDays = 8 });
        ClusteringState seven = await store.LoadClusteringStateAsync(ClusteringOptions.Default with { WindowDays = 7 });

        // Then a story is active when its last report is no more than the window before the latest (both ends in)
        Assert.Equal([1L, 2L, 3L], ten.ActiveStories.Select(s => s.Id.Value));
        Assert.Equal([2L, 3L], eight.ActiveStories.Select(s => s.Id.Value));
        Assert.Equal([3L], seven.ActiveStories.Select(s => s.Id.Value));
        Assert.Equal(3, seven.LastStoryId);
        Assert.Equal(3, seven.DocumentCount);
    }

    /// <summary>After how many reports of <see cref="Reports.Stream"/> the ingest stops and starts again.</summary>
    public static TheoryData<int> RestartPoints => [1, 3, 5, 7, 8];

    [Theory]
    [MemberData(nameof(RestartPoints))]
    public async Task A_clusterer_restored_from_the_store_goes_on_as_if_never_stopped(int restartAfter)
    {
        // Given the assignments of one clusterer that ran through every report
        var uninterrupted = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        List<StoryAssignment> expected = [.. Reports.Stream.Select(r => uninterrupted.Assign(StoryFeatures.From(r)))];
        Assert.Contains(expected, a => !a.IsNewStory);
        Assert.True(expected.Select(a => a.Story).Distinct().Count() > 2);

        // When a first run stores the first reports and the store is closed
        string name = "restart" + restartAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<StoryAssignment> actual;
        await using (IStoryStore first = await OpenAsync(name))
        {
            actual = await first.IngestAsync(new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty), Reports.Stream.Take(restartAfter));
        }

        // And a second run, on the reopened store, goes on from the state it loads
        await using (IStoryStore second = await OpenAsync(name))
        {
            var restored = new OnlineStoryClusterer(ClusteringOptions.Default, await second.LoadClusteringStateAsync(ClusteringOptions.Default));
            actual.AddRange(await second.IngestAsync(restored, Reports.Stream.Skip(restartAfter)));
        }

        // Then every report is assigned exactly as without the restart: same story, similarity and title
        Assert.Equal(expected, actual);
    }

    // ---- Entities ----

    [Fact]
    public async Task Entities_are_listed_with_counts_and_dates_across_reports()
    {
        // Given three reports on Kim's trip (Kim Jong Un named in each) and one on the Libyan floods
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(0), 1);
        await store.SaveInStoryAsync(R(1), 2);
        await store.SaveInStoryAsync(R(2), 1);
        await store.SaveInStoryAsync(R(5), 1);

        // When the entities are listed
        IReadOnlyList<EntitySummary> all = await store.ListEntitiesAsync(null, 100);

        // Then each is there once, most mentioned first, with the reports that mention it and their dates
        Assert.Equal(all.Count, all.Select(e => e.Key).Distinct().Count());
        Assert.Equal(all.OrderByDescending(e => e.Mentions).Select(e => e.Mentions), all.Select(e => e.Mentions));
        EntitySummary kim = all.Single(e => e.Key.Value == "kim jong un");
        int expected = new[] { R(0), R(2), R(5) }.Sum(r => r.Mentions.Count(m => m.Entity.Value == "kim jong un"));
        Assert.Equal((EntityType.Person, "Kim Jong Un", expected, 3), (kim.Type, kim.Name, kim.Mentions, kim.Reports));
        Assert.Equal((new DateOnly(2023, 9, 10), new DateOnly(2023, 9, 13)), (kim.FirstSeen, kim.LastSeen));

        // And a type and a limit narrow the list
        IReadOnlyList<EntitySummary> places = await store.ListEntitiesAsync(EntityType.Location, 100);
        Assert.NotEmpty(places);
        Assert.All(places, e => Assert.Equal(EntityType.Location, e.Type));
        Assert.Equal(all.Take(2).Select(e => e.Key), (await store.ListEntitiesAsync(null, 2)).Select(e => e.Key));
        Assert.Empty(await store.ListEntitiesAsync(null, 0));
    }

    [Fact]
    public async Task An_entity_is_found_by_key_name_or_alias_with_its_aliases_roles_stories_and_company()
    {
        // Given reports that call Putin "President Vladimir Putin", "Vladimir Putin" and "Putin"
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(0), 1);
        await store.SaveInStoryAsync(R(1), 2);
        await store.SaveInStoryAsync(R(5), 1);

        // When he is looked up by his key, his name in any case, or an alias
        EntityDetail? byKey = await store.GetEntityAsync("vladimir putin");
        EntityDetail? byName = await store.GetEntityAsync("VLADIMIR PUTIN");
        EntityDetail? byAlias = await store.GetEntityAsync("putin");

        // Then it is the same entity, with the aliases and roles of every report, its story and its company
        Assert.NotNull(byKey);
        Assert.Equal(byKey.Summary, byName?.Summary);
        Assert.Equal(byKey.Summary, byAlias?.Summary);
        Assert.Contains("Putin", byKey.Aliases);
        Assert.Contains("President", byKey.Roles);
        EntityStory story = Assert.Single(byKey.Stories);
        Assert.Equal((new StoryId(1), 2), (story.Story, story.Reports));
        Assert.Contains(byKey.CoOccurring, r => r.Key.Value == "kim jong un" && r.Reports == 2);
        Assert.DoesNotContain(byKey.CoOccurring, r => r.Key == byKey.Summary.Key);
        Assert.Null(byKey.Place);
        Assert.Empty(byKey.FullerNames);
        Assert.Null(await store.GetEntityAsync("nobody at all"));
        Assert.Null(await store.GetEntityAsync("  "));
    }

    [Fact]
    public async Task A_name_given_alone_in_a_report_points_at_the_fuller_names_without_merging()
    {
        // Given a report that names Vladimir Putin in full and one that only says "Putin"
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(0), 1);
        await store.SaveInStoryAsync(Reports.Analyze("2023-09-15", null, "The forum heard Putin on Friday, and Putin left early."), 1);

        // When the short name is looked up
        EntityDetail? putin = await store.GetEntityAsync("putin");

        // Then it is its own entity, which points at the full name
        Assert.NotNull(putin);
        Assert.Equal("putin", putin.Summary.Key.Value);
        Assert.Equal("vladimir putin", Assert.Single(putin.FullerNames).Key.Value);
    }

    [Fact]
    public async Task A_short_form_of_its_own_is_found_before_the_person_it_is_an_alias_of()
    {
        // Given reports where "Kim" is Kim Jong Un (an alias of his, with many mentions), and one with two Kims where
        // the resolver left "Kim" its own key
        await using IStoryStore store = await OpenAsync("main");
        AnalyzedArticle one = Typed("c3c3c3c3c3c3c3c3", "2023-09-11", "Kim Jong Un left. Kim waved. Kim smiled.", ("Kim Jong Un", EntityType.Person));
        var kimJongUn = new EntityKey("kim jong un");
        one = one with
        {
            Mentions = [one.Mentions[0], new Mention(new TextSpan(18, 3), EntityType.Person, kimJongUn, 0), new Mention(new TextSpan(29, 3), EntityType.Person, kimJongUn, 0)],
            Entities = [new Entity(kimJongUn, EntityType.Person, "Kim Jong Un", ["Kim"], [])],
        };
        await store.SaveInStoryAsync(one, 1);
        await store.SaveInStoryAsync(Typed("d4d4d4d4d4d4d4d4", "2023-09-12", "Kim Jong Un met Kim Myong Sik. Mr Kim waved.", ("Kim Jong Un", EntityType.Person), ("Kim Myong Sik", EntityType.Person), ("Kim", EntityType.Person)), 1);
        Assert.Equal("kim jong un", (await store.GetEntityAsync("Kim Jong Un"))?.Summary.Key.Value);

        // When "kim" is looked up
        EntityDetail? kim = await store.GetEntityAsync("kim");

        // Then it is the short form itself, with the people it may be, not Kim Jong Un
        Assert.NotNull(kim);
        Assert.Equal("kim", kim.Summary.Key.Value);
        Assert.Equal(["kim jong un", "kim myong sik"], kim.FullerNames.Select(f => f.Key.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_entity_has_one_type_across_the_archive_decided_by_all_its_mentions()
    {
        // Given "Derna" typed a person (once) in a first report and a place (three times) in a later one
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(Typed("a1a1a1a1a1a1a1a1", "2023-09-11", "Derna wept.", ("Derna", EntityType.Person)), 1);
        await store.SaveInStoryAsync(Typed("b2b2b2b2b2b2b2b2", "2023-09-12", "Derna, Derna and Derna.", ("Derna", EntityType.Location), ("Derna", EntityType.Location), ("Derna", EntityType.Location)), 2);

        // Then the entity list has it once, as a place, and so does the look-up of types the views use; the reports
        // themselves are as stored
        EntitySummary derna = Assert.Single(await store.ListEntitiesAsync(null, 10), e => e.Key.Value == "derna");
        Assert.Equal(EntityType.Location, derna.Type);
        Assert.Empty(await store.ListEntitiesAsync(EntityType.Person, 10));
        IReadOnlyDictionary<string, EntityType> types = await store.GetEntityTypesAsync([new EntityKey("derna"), new EntityKey("nowhere")]);
        Assert.Equal(EntityType.Location, Assert.Single(types, t => t.Key == "derna").Value);
        Assert.Equal(EntityType.Person, Assert.Single((await store.GetReportAsync("a1a1"))!.Report.Entities).Type);

        // And when later mentions outnumber them the other way, the type follows: 4 as a person against 3 as a place
        await store.SaveInStoryAsync(Typed("c3c3c3c3c3c3c3c3", "2023-09-13", "Derna, Derna, Derna.", ("Derna", EntityType.Person), ("Derna", EntityType.Person), ("Derna", EntityType.Person)), 2);
        Assert.Equal(EntityType.Person, Assert.Single(await store.ListEntitiesAsync(null, 10)).Type);
        Assert.Equal(EntityType.Person, (await store.GetEntityTypesAsync([new EntityKey("derna")]))["derna"]);
    }

    // A report whose mentions are typed by hand (each name found in order in the body, keyed by its lower case), one
    // entity per key.
    private static AnalyzedArticle Typed(string id, string date, string body, params (string Name, EntityType Type)[] names)
    {
        var mentions = new List<Mention>();
        int at = 0;
        foreach ((string name, EntityType type) in names)
        {
            at = body.IndexOf(name, at, StringComparison.Ordinal);
            mentions.Add(new Mention(new TextSpan(at, name.Length), type, new EntityKey(name.ToLowerInvariant()), 0));
            at += name.Length;
        }

        return Reports.Bare(id, date, body) with
        {
            Mentions = [.. mentions],
            Entities = [.. names.DistinctBy(n => n.Name).Select(n => new Entity(new EntityKey(n.Name.ToLowerInvariant()), n.Type, n.Name, [], []))],
        };
    }

    [Fact]
    public async Task A_place_is_stored_with_its_coordinates()
    {
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(0), 1);
        await store.SaveInStoryAsync(R(2), 1);

        EntityDetail? vladivostok = await store.GetEntityAsync("Vladivostok");

        Assert.NotNull(vladivostok);
        Assert.Equal(EntityType.Location, vladivostok.Summary.Type);
        Assert.StartsWith("place:", vladivostok.Summary.Key.Value, StringComparison.Ordinal);
        Assert.NotNull(vladivostok.Place);
        Assert.Equal("RU", vladivostok.Place.CountryCode);
        Assert.InRange(vladivostok.Place.Latitude, 43.0, 43.2);
        Assert.Equal("country:ru", (await store.GetEntityAsync("Russia"))?.Summary.Key.Value);
    }

    // ---- Near-copies and merges ----

    /// <summary>Two stories that a later report shows to be one, and a republished copy of the first report.</summary>
    private static readonly AnalyzedArticle[] Bridged =
    [
        Reports.Analyze("2023-09-10", "Kim to hold summit with Putin", "SEOUL: North Korean leader Kim Jong Un will hold a summit with Vladimir Putin, officials in Seoul said.\n\nThe summit talks between Kim Jong Un and Vladimir Putin will cover weapons and satellites, the officials said."),
        Reports.Analyze("2023-09-10", "Armoured train crosses at Khasan", "KHASAN: An armoured green train crossed the border bridge at Khasan on Tuesday morning, witnesses said.\n\nThe armoured train was seen heading north towards Vladivostok station."),
        Reports.Analyze("2023-09-10", "Kim to hold summit with Putin", "SEOUL: North Korean leader Kim Jong Un will hold a summit with Vladimir Putin, officials in Seoul said.\n\nThe summit talks between Kim Jong Un and Vladimir Putin will cover weapons and satellites, the officials said.", outlet: "Republisher"),
        Reports.Analyze("2023-09-11", "Kim arrives by armoured train for Putin summit", "VLADIVOSTOK: Kim Jong Un arrived by armoured green train for a summit with Vladimir Putin after crossing the border bridge at Khasan, officials said.\n\nThe summit talks with Vladimir Putin will cover weapons and satellites; the armoured train went on towards Vladivostok station."),
        Reports.Analyze("2023-09-12", "Putin and Kim discuss satellites", "VOSTOCHNY: Vladimir Putin and Kim Jong Un discussed weapons and satellites at their summit, the Kremlin said."),
    ];

    private static readonly ClusteringOptions Eager = ClusteringOptions.Default with { MergeScore = 0.5 };

    [Fact]
    public async Task A_copy_is_a_source_of_its_story_but_is_not_counted()
    {
        // Given a report and its republished copy, stored as the clusterer assigns them
        await using IStoryStore store = await OpenAsync("main");
        List<StoryAssignment> assignments = await store.IngestAsync(new OnlineStoryClusterer(Eager, ClusteringState.Empty), Bridged.Take(3));
        Assert.Equal(Bridged[0].Article.Id, assignments[2].CopyOf);

        // When the story and the clustering state are read
        Story story = (await store.GetStoryAsync(assignments[0].Story))!;
        ClusteringState state = await store.LoadClusteringStateAsync(Eager);
        StorySummary listed = (await store.ListStoriesAsync()).Single(s => s.Id == story.Id);

        // Then the copy is listed among the story's reports, marked with its original, and counted nowhere
        Assert.Equal([Bridged[0].Article.Id, Bridged[2].Article.Id], story.Reports.ToArray());
        Assert.Equal(Bridged[0].Article.Id, story.Copies[Bridged[2].Article.Id]);
        Assert.Equal(1, listed.ReportCount);
        Assert.Equal(2, state.DocumentCount);
        Assert.Equal(1, state.DocumentFrequency["summit"]);
        Assert.Single(state.ActiveStories.Single(s => s.Id == story.Id).Reports);
        Assert.Equal(2, (await store.GetStoryReportsAsync(story.Id)).Count);
    }

    [Fact]
    public async Task A_merged_story_points_to_the_story_it_became_part_of()
    {
        // Given two stories and a report that shows they are one
        await using IStoryStore store = await OpenAsync("main");
        List<StoryAssignment> assignments = await store.IngestAsync(new OnlineStoryClusterer(Eager, ClusteringState.Empty), Bridged.Take(4));
        StoryId kept = assignments[0].Story, gone = assignments[1].Story;
        Assert.NotEqual(kept, gone);
        Assert.Equal(gone, assignments[3].Merged);
        Assert.Equal(kept, assignments[3].Story);

        // When both are read
        Story? old = await store.GetStoryAsync(gone);
        Story? merged = await store.GetStoryAsync(kept);
        IReadOnlyList<StoryMerge> merges = await store.GetMergesAsync(kept);

        // Then the old one redirects, the kept one holds every report, and the merge is recorded with its report
        Assert.NotNull(old);
        Assert.Equal(kept, old.MergedInto);
        Assert.Empty(old.Reports);
        Assert.Equal(Bridged.Take(4).Select(r => r.Article.Id).Order(), merged!.Reports.Order());
        Assert.Equal([new StoryMerge(gone, kept, Bridged[3].Article.Id, Reports.Day("2023-09-11"))], merges);
        Assert.Equal([kept], (await store.ListStoriesAsync()).Select(s => s.Id));
        Assert.Equal(3, (await store.ListStoriesAsync())[0].ReportCount);
        Assert.Equal(1, (await store.CountAsync()).Stories);
        Assert.Equal(kept, (await store.GetReportAsync(Bridged[1].Article.Id.Value))!.Story);
    }

    /// <summary>After how many reports of <see cref="Bridged"/> the ingest stops and starts again.</summary>
    public static TheoryData<int> BridgedRestartPoints => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(BridgedRestartPoints))]
    public async Task Copies_and_merges_survive_a_restart(int restartAfter)
    {
        var uninterrupted = new OnlineStoryClusterer(Eager, ClusteringState.Empty);
        List<StoryAssignment> expected = [.. Bridged.Select(r => uninterrupted.Assign(StoryFeatures.From(r)))];
        Assert.Contains(expected, a => a.CopyOf is not null);
        Assert.Contains(expected, a => a.Merged is not null);

        string name = "bridged" + restartAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<StoryAssignment> actual;
        await using (IStoryStore first = await OpenAsync(name))
        {
            actual = await first.IngestAsync(new OnlineStoryClusterer(Eager, ClusteringState.Empty), Bridged.Take(restartAfter));
        }

        await using (IStoryStore second = await OpenAsync(name))
        {
            var restored = new OnlineStoryClusterer(Eager, await second.LoadClusteringStateAsync(Eager));
            actual.AddRange(await second.IngestAsync(restored, Bridged.Skip(restartAfter)));
        }

        Assert.Equal(expected, actual);
    }

    // ---- Persistence ----

    [Fact]
    public async Task What_is_saved_is_there_after_reopening()
    {
        // Given a store with reports, closed
        await using (IStoryStore store = await OpenAsync("kept"))
        {
            await store.SaveInStoryAsync(R(0), 1, "Kim to Russia");
            await store.SaveInStoryAsync(R(2), 1, "Kim to Russia");
        }

        // When it is opened again
        await using IStoryStore reopened = await OpenAsync("kept");

        // Then reports, stories and search are as they were, and a saved report is still known
        Assert.Equal(new ArchiveCounts(2, 1, new[] { R(0), R(2) }.SelectMany(r => r.Entities).Select(e => e.Key).Distinct().LongCount()), await reopened.CountAsync());
        Assert.Equal([R(0).Article.Id, R(2).Article.Id], (await reopened.GetStoryAsync(new StoryId(1)))!.Reports.ToArray());
        Same.Analysis(R(2), (await reopened.GetReportAsync(R(2).Article.Id.Value))!.Report);
        Assert.Single(await reopened.SearchAsync("armoured", 10));
        Assert.False(await reopened.SaveInStoryAsync(R(0), 1));
        Assert.Equal(2, (await reopened.CountAsync()).Reports);
    }

    [Fact]
    public async Task Stores_of_different_names_are_apart()
    {
        await using IStoryStore one = await OpenAsync("one");
        await using IStoryStore two = await OpenAsync("two");

        await one.SaveInStoryAsync(R(0), 1);

        Assert.Equal(0, (await two.CountAsync()).Reports);
        Assert.Empty(await two.FindExistingAsync([R(0).Article.Id]));
    }

    // ---- Quotes ----

    [Fact]
    public async Task Quotes_are_listed_by_story_and_by_speaker()
    {
        // Given two stories, each with a report that quotes someone
        await using IStoryStore store = await OpenAsync("main");
        AnalyzedArticle peskov = Reports.Analyze("2023-09-12", "Kremlin", "Kremlin spokesperson Dmitry Peskov said the meeting would include a lunch. \u201CWe will see,\u201D Mr Peskov said.");
        AnalyzedArticle fyodor = Reports.Analyze("2023-09-11", "Port", "\u201CBoth countries show teeth,\u201D said Vladivostok resident Fyodor, who refused to give his surname.");
        Assert.True(await store.SaveInStoryAsync(peskov, 1));
        Assert.True(await store.SaveInStoryAsync(fyodor, 2));

        // When they are listed all, by story, and by speaker
        IReadOnlyList<StoredQuote> all = await store.ListQuotesAsync(null, null, 100);
        IReadOnlyList<StoredQuote> storyOne = await store.ListQuotesAsync(new StoryId(1), null, 100);
        IReadOnlyList<StoredQuote> byName = await store.ListQuotesAsync(null, "PESKOV", 100);
        IReadOnlyList<StoredQuote> none = await store.ListQuotesAsync(null, "nobody%", 100);

        // Then every quote is there in date order, with its words, and the filters pick the right ones
        Assert.Equal(peskov.Quotes.Length + fyodor.Quotes.Length, all.Count);
        Assert.Equal(fyodor.Article.Id, all[0].Report);
        Assert.Contains(all, q => q.Content == "Both countries show teeth," && q.Source == "Vladivostok resident Fyodor" && q.Quote.SourceKind == SourceKind.Public);
        Assert.All(storyOne, q => Assert.Equal(new StoryId(1), q.Story));
        Assert.Equal(peskov.Quotes.Length, storyOne.Count);
        Assert.NotEmpty(byName);
        Assert.All(byName, q => Assert.Contains("Peskov", q.Source, StringComparison.Ordinal));
        Assert.Empty(none);
        Assert.Single(await store.ListQuotesAsync(null, null, 1));
    }

    // ---- Batches ----

    [Fact]
    public async Task A_batch_stores_what_saving_report_by_report_stores()
    {
        // Given the stream assigned by one clusterer and stored report by report
        await using IStoryStore oneByOne = await OpenAsync("one");
        List<StoryAssignment> assignments = await oneByOne.IngestAsync(new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty), Reports.Stream);

        // When the same reports with the same assignments are stored in two batches
        await using IStoryStore batched = await OpenAsync("batched");
        ReportToStore[] items = [.. Reports.Stream.Select((r, i) => new ReportToStore(r, StoryFeatures.From(r), assignments[i]))];
        Assert.Equal(Enumerable.Repeat(true, 4), await batched.SaveBatchAsync(items[..4]));
        Assert.Equal(Enumerable.Repeat(true, items.Length - 4), await batched.SaveBatchAsync(items[4..]));

        // Then both archives hold the same stories, reports, entities, quotes and document frequencies
        Assert.Equal(await oneByOne.CountAsync(), await batched.CountAsync());
        IReadOnlyList<StorySummary> stories = await oneByOne.ListStoriesAsync();
        Assert.Equal(stories, await batched.ListStoriesAsync());
        foreach (StorySummary story in stories)
        {
            Assert.Equal((await oneByOne.GetStoryAsync(story.Id))!.Reports.ToArray(), (await batched.GetStoryAsync(story.Id))!.Reports.ToArray());
        }

        Assert.Equal(await oneByOne.ListEntitiesAsync(null, 1000), await batched.ListEntitiesAsync(null, 1000));
        Assert.Equal(
            (await oneByOne.ListQuotesAsync(null, null, 1000)).Select(q => (q.Report, q.Content, q.Source)),
            (await batched.ListQuotesAsync(null, null, 1000)).Select(q => (q.Report, q.Content, q.Source)));
        ClusteringState expected = await oneByOne.LoadClusteringStateAsync(ClusteringOptions.Default);
        ClusteringState actual = await batched.LoadClusteringStateAsync(ClusteringOptions.Default);
        Assert.Equal(expected.DocumentCount, actual.DocumentCount);
        Assert.Equal(expected.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal), actual.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_with_a_chain_of_merges_stores_what_saving_report_by_report_stores()
    {
        // Given three stories of one report each, and a batch that joins story 1, merges 1 into 2, merges 2 into 3, and
        // adds a near-copy to 3: the story changes a batch computes at once must be those of each report in turn
        AnalyzedArticle[] r = [.. Enumerable.Range(0, 7).Select(i => Reports.Bare("c" + i.ToString("x15", System.Globalization.CultureInfo.InvariantCulture), $"2023-09-{10 + i}", $"Report {i}."))];
        ReportToStore Item(int i, long story, bool isNew, long? merged = null, int? copyOf = null) => new(
            r[i],
            StoryFeatures.From(r[i]),
            new StoryAssignment(r[i].Article.Id, new StoryId(story), isNew, isNew ? 0 : 0.5, "Title after report " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Merged = merged is long m ? new StoryId(m) : null,
                CopyOf = copyOf is int c ? r[c].Article.Id : null,
            });
        ReportToStore[] first = [Item(0, 1, true), Item(1, 2, true), Item(2, 3, true)];
        ReportToStore[] batch = [Item(3, 1, false), Item(4, 2, false, merged: 1), Item(5, 3, false, merged: 2), Item(6, 3, false, copyOf: 5)];

        // When one archive saves them report by report and another in two batches
        await using IStoryStore oneByOne = await OpenAsync("one");
        foreach (ReportToStore item in first.Concat(batch))
        {
            Assert.True(await oneByOne.SaveAsync(item.Report, item.Features, item.Assignment));
        }

        await using IStoryStore batched = await OpenAsync("batched");
        await batched.SaveBatchAsync(first);
        Assert.Equal([true, true, true, true], await batched.SaveBatchAsync(batch));

        // Then they hold the same stories, each story its reports, the merges and what the merged stories became
        Assert.Equal(await oneByOne.ListStoriesAsync(), await batched.ListStoriesAsync());
        StorySummary merged = Assert.Single(await batched.ListStoriesAsync());
        Assert.Equal((new StoryId(3), 6, "Title after report 6"), (merged.Id, merged.ReportCount, merged.Title));
        for (long id = 1; id <= 3; id++)
        {
            Story expected = (await oneByOne.GetStoryAsync(new StoryId(id)))!;
            Story actual = (await batched.GetStoryAsync(new StoryId(id)))!;
            Assert.Equal((expected.Title, expected.MergedInto, expected.FirstReport, expected.LastReport), (actual.Title, actual.MergedInto, actual.FirstReport, actual.LastReport));
            Assert.Equal(expected.Reports.ToArray(), actual.Reports.ToArray());
            Assert.Equal(expected.Copies.OrderBy(c => c.Key.Value, StringComparer.Ordinal), actual.Copies.OrderBy(c => c.Key.Value, StringComparer.Ordinal));
        }

        Assert.Equal(await oneByOne.GetMergesAsync(new StoryId(3)), await batched.GetMergesAsync(new StoryId(3)));
        Assert.Equal(2, (await batched.GetMergesAsync(new StoryId(3))).Count);
    }

    [Fact]
    public async Task A_batch_skips_reports_already_stored_or_repeated_in_it()
    {
        // Given one stored report
        await using IStoryStore store = await OpenAsync("main");
        Assert.True(await store.SaveInStoryAsync(R(0), 1));

        // When a batch holds it again, a new report, and the new report a second time
        ReportToStore Item(AnalyzedArticle r) => new(r, StoryFeatures.From(r), new StoryAssignment(r.Article.Id, new StoryId(1), false, 0.5, "A story"));
        IReadOnlyList<bool> saved = await store.SaveBatchAsync([Item(R(0)), Item(R(2)), Item(R(2))]);

        // Then only the new report is stored, once
        Assert.Equal([false, true, false], saved);
        Assert.Equal(2, (await store.CountAsync()).Reports);
        Assert.Equal([R(0).Article.Id, R(2).Article.Id], (await store.GetStoryAsync(new StoryId(1)))!.Reports.ToArray());
        Assert.Empty(await store.SaveBatchAsync([]));
    }

    [Fact]
    public async Task A_batch_that_fails_stores_none_of_its_reports()
    {
        // Given a batch whose second report cannot be stored (it merges a story that does not exist)
        await using IStoryStore store = await OpenAsync("main");
        ReportToStore good = new(R(0), StoryFeatures.From(R(0)), new StoryAssignment(R(0).Article.Id, new StoryId(1), true, 0, "A story"));
        ReportToStore bad = new(R(1), StoryFeatures.From(R(1)), new StoryAssignment(R(1).Article.Id, new StoryId(1), false, 0.5, "A story") { Merged = new StoryId(99) });

        // When it is stored
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveBatchAsync([good, bad]));

        // Then nothing of it is: the batch is one transaction
        Assert.Equal(new ArchiveCounts(0, 0, 0), await store.CountAsync());
        Assert.Empty(await store.FindExistingAsync([R(0).Article.Id, R(1).Article.Id]));
        Assert.True(await store.SaveInStoryAsync(R(0), 1));
    }

    [Fact]
    public async Task A_story_started_under_a_number_the_archive_holds_is_refused_with_its_batch()
    {
        // Given a stored story 1
        await using IStoryStore store = await OpenAsync("main");
        Assert.True(await store.SaveInStoryAsync(R(0), 1));

        // When a batch joins a report to story 1 and then starts "a new story" under the number 1, as a second writer
        // that numbered stories from the same starting point would
        ReportToStore joins = new(R(2), StoryFeatures.From(R(2)), new StoryAssignment(R(2).Article.Id, new StoryId(1), false, 0.5, "A story"));
        ReportToStore starts = new(R(1), StoryFeatures.From(R(1)), new StoryAssignment(R(1).Article.Id, new StoryId(1), true, 0, "Floods kill thousands in Libya"));
        StoreException error = await Assert.ThrowsAsync<StoreException>(() => store.SaveBatchAsync([joins, starts]));

        // Then the error says why, nothing of the batch is stored, and story 1 is not fused with the other story
        Assert.Contains("story 1 already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.CountAsync()).Reports);
        Assert.Equal([R(0).Article.Id], (await store.GetStoryAsync(new StoryId(1)))!.Reports.ToArray());
    }

    // ---- Writers ----

    [Fact]
    public async Task The_writer_lock_is_held_by_one_store_of_an_archive_at_a_time()
    {
        // Given two stores of one archive, the first holding the writer lock
        await using IStoryStore first = await OpenAsync("main");
        await using IStoryStore second = await OpenAsync("main");
        IAsyncDisposable held = await first.AcquireWriterLockAsync();

        // When the second asks for it
        Task<IAsyncDisposable> waiting = second.AcquireWriterLockAsync();
        await Task.Delay(300);

        // Then it waits while the first holds it, and gets it once the first gives it up
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using IAsyncDisposable got = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        // And a writer that gives up waiting is told so by its cancellation
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.AcquireWriterLockAsync(soon.Token));
    }

    [Fact]
    public async Task Readers_are_not_held_up_by_the_writer_lock()
    {
        // Given an archive with a story, and a writer holding its lock
        await using (IStoryStore setup = await OpenAsync("main"))
        {
            Assert.True(await setup.SaveInStoryAsync(R(0), 1));
        }

        await using IStoryStore writer = await OpenAsync("main");
        await using IAsyncDisposable held = await writer.AcquireWriterLockAsync();

        // When another store of the archive reads it
        await using IStoryStore reader = await OpenAsync("main");
        IReadOnlyList<StorySummary> stories = await reader.ListStoriesAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Then it reads at once
        Assert.Single(stories);
    }
}
