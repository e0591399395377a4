using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Stories;

public sealed class StorySimilarityTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static StoryFeatures Report(int n, string date, string[] terms, string[]? places = null, string[]? head = null) => new(
        new ArticleId(n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        [.. terms.GroupBy(t => t).Select(g => new TermCount(g.Key, g.Count())).OrderBy(t => t.Term, StringComparer.Ordinal)],
        ImmutableDictionary<string, string>.Empty)
    {
        PlaceTerms = [.. (places ?? []).Order(StringComparer.Ordinal)],
        HeadTerms = [.. (head ?? []).Distinct().Order(StringComparer.Ordinal)],
    };

    private static StoryFeatures FromText(int n, string date, string? title, string text)
    {
        var source = new SourceReport("test", null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), text, title, Outlet: "Wire" + n);
        return StoryFeatures.From(Pipeline.Analyze(new ReportCleaner().Clean(source)));
    }

    [Fact]
    public void The_same_words_are_alike_and_other_words_are_not()
    {
        // Given a story of one report about Kim and Putin
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId kim = clusterer.Assign(Report(1, "2023-09-10", ["kim", "putin", "summit", "@kim"], head: ["kim", "summit"])).Story;

        // When a report with the same words and one with other words are compared with it
        StorySimilarities same = clusterer.Compare(Report(2, "2023-09-10", ["kim", "putin", "summit", "@kim"], head: ["kim", "summit"]), kim)!.Value;
        StorySimilarities other = clusterer.Compare(Report(3, "2023-09-10", ["flood", "dam", "@derna"], head: ["flood"]), kim)!.Value;

        // Then the first is alike on every count, the second on none but the date
        Assert.Equal(1.0, same.Body, 6);
        Assert.Equal(1.0, same.Head, 6);
        Assert.Equal(1.0, same.Entities, 6);
        Assert.Equal(0.0, other.Body);
        Assert.Equal(0.0, other.Head);
        Assert.Equal(0.0, other.Entities);
        Assert.Equal(1.0, other.Recency, 6);
    }

    [Fact]
    public void Different_actors_of_alike_events_conflict_and_one_actor_named_two_ways_does_not()
    {
        // Given a story about Tara Reid entering rehab
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId reid = clusterer.Assign(Named(1, ["rehab", "actress", "reid", "@tara reid", "@tara reid"], ("@tara reid", "Tara Reid"))).Story;

        // When a report on Lindsay Lohan entering rehab, one naming "Reid" resolved on its own, and one naming nobody come
        StorySimilarities lohan = clusterer.Compare(Named(2, ["rehab", "actress", "lohan", "@lindsay lohan"], ("@lindsay lohan", "Lindsay Lohan")), reid)!.Value;
        StorySimilarities sameOne = clusterer.Compare(Named(3, ["rehab", "reid", "@reid"], ("@reid", "Reid")), reid)!.Value;
        StorySimilarities nobody = clusterer.Compare(Named(4, ["rehab", "actress"]), reid)!.Value;

        // Then only the first conflicts: its key person is new to the story, and the story's is absent from it
        Assert.Equal(1.0, lohan.EntityConflict, 9);
        Assert.Equal(0.0, sameOne.EntityConflict);
        Assert.Equal(0.0, nobody.EntityConflict);
    }

    [Fact]
    public void A_new_person_in_a_report_that_names_the_story_s_actor_is_no_conflict()
    {
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId reid = clusterer.Assign(Named(1, ["rehab", "reid", "@tara reid"], ("@tara reid", "Tara Reid"))).Story;

        // A follow-up that quotes her lawyer and still names her.
        StorySimilarities follow = clusterer.Compare(
            Named(2, ["rehab", "reid", "lawyer", "@john doe", "@john doe", "@tara reid"], ("@john doe", "John Doe"), ("@tara reid", "Tara Reid")), reid)!.Value;

        Assert.Equal(0.0, follow.EntityConflict);
    }

    [Fact]
    public void The_conflict_weights_count_against_joining()
    {
        MergeModel without = MergeModel.Default with { EntityConflict = 0, PlaceConflict = 0 };
        MergeModel model = without with { EntityConflict = -2, PlaceConflict = -1 };
        var s = new StorySimilarities(0.5, 0.2, 0.4, 0, 1) { EntityConflict = 0.5, PlaceConflict = 1 };

        Assert.Equal(without.Score(s) - 1 - 1, model.Score(s), 9);
    }

    private static StoryFeatures Named(int n, string[] terms, params (string Term, string Name)[] names) =>
        Report(n, "2023-09-10", terms) with { EntityNames = names.ToImmutableDictionary(e => e.Term, e => e.Name, StringComparer.Ordinal) };

    [Fact]
    public void Places_and_people_are_compared_apart()
    {
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId story = clusterer.Assign(Report(1, "2023-09-10", ["storm", "@libya", "@red cross"], places: ["@libya"])).Story;

        // The same place, no shared person or organisation.
        StorySimilarities s = clusterer.Compare(Report(2, "2023-09-10", ["storm", "@libya", "@un"], places: ["@libya"]), story)!.Value;

        Assert.Equal(1.0, s.Places, 6);
        Assert.Equal(0.0, s.Entities);
    }

    [Fact]
    public void Recency_falls_with_the_days_since_the_story_last_had_a_report()
    {
        MergeModel model = MergeModel.Default with { DecayDays = 7 };

        Assert.Equal(1.0, model.RecencyOf(0));
        Assert.Equal(Math.Exp(-1), model.RecencyOf(7), 9);
        Assert.Equal(model.RecencyOf(3), model.RecencyOf(-3));
        Assert.True(model.RecencyOf(30) < model.RecencyOf(10));
    }

    [Fact]
    public void The_model_score_is_its_linear_sum_and_its_probability_the_logistic_of_it()
    {
        var model = new MergeModel(-2, 4, 1, 1, 0.5, 1, 7);
        var s = new StorySimilarities(0.5, 0.2, 0.4, 0, 1);

        Assert.Equal(-2 + 2 + 0.2 + 0.4 + 0 + 1, model.Score(s), 9);
        Assert.Equal(1 / (1 + Math.Exp(-1.6)), model.Probability(s), 9);
    }

    [Fact]
    public void Candidates_are_the_stories_that_share_a_heavy_term()
    {
        // Given three stories on different subjects
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId kim = clusterer.Assign(Report(1, "2023-09-10", ["kim", "putin", "summit", "@kim"])).Story;
        StoryId derna = clusterer.Assign(Report(2, "2023-09-10", ["flood", "dam", "derna", "@derna"])).Story;
        StoryId strike = clusterer.Assign(Report(3, "2023-09-10", ["strike", "union", "workers", "@uaw"])).Story;
        Assert.Equal(3, new[] { kim, derna, strike }.Distinct().Count());

        // When reports are looked up in the index
        IReadOnlyList<StoryId> forKim = clusterer.CandidatesOf(Report(4, "2023-09-11", ["putin", "cosmodrome"]));
        IReadOnlyList<StoryId> forBoth = clusterer.CandidatesOf(Report(5, "2023-09-11", ["dam", "@kim"]));
        IReadOnlyList<StoryId> forNone = clusterer.CandidatesOf(Report(6, "2023-09-11", ["bank", "rates"]));

        // Then only stories sharing one of their terms are offered
        Assert.Equal([kim], forKim);
        Assert.Equal([kim, derna], forBoth);
        Assert.Empty(forNone);
    }

    [Fact]
    public void A_term_in_too_many_stories_does_not_look_candidates_up()
    {
        // A model that never joins: each report starts its own story.
        var apart = ClusteringOptions.Default with { MaxPostings = 2, Model = MergeModel.Default with { Bias = -100 } };
        var clusterer = new OnlineStoryClusterer(apart, ClusteringState.Empty);
        clusterer.Assign(Report(1, "2023-09-10", ["said", "kim"]));
        clusterer.Assign(Report(2, "2023-09-10", ["said", "derna"]));
        clusterer.Assign(Report(3, "2023-09-10", ["said", "strike"]));

        // "said" is in three open stories, more than the two allowed: it finds nothing; "kim" finds its story.
        Assert.Equal(3, clusterer.ActiveStoryCount);
        Assert.Single(clusterer.CandidatesOf(Report(5, "2023-09-11", ["said", "kim"])));
        Assert.Empty(clusterer.CandidatesOf(Report(4, "2023-09-11", ["said"])));
    }

    [Fact]
    public void A_report_that_fits_two_stories_well_merges_them_into_the_older()
    {
        // Given two stories that turn out to be one: two halves of the same words
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default with { MergeScore = 0.5 }, ClusteringState.Empty);
        StoryAssignment first = clusterer.Assign(Report(1, "2023-09-10", ["kim", "putin", "summit", "@kim", "@putin"]));
        StoryAssignment second = clusterer.Assign(Report(2, "2023-09-10", ["train", "vladivostok", "armoured", "@vladivostok"]));
        Assert.NotEqual(first.Story, second.Story);

        // When a report with both halves comes
        StoryAssignment bridge = clusterer.Assign(Report(3, "2023-09-11", ["kim", "putin", "summit", "@kim", "@putin", "train", "vladivostok", "armoured", "@vladivostok"]));

        // Then the younger story is merged into the older, which the report joins, and only one story is open
        Assert.Equal(first.Story, bridge.Story);
        Assert.Equal(second.Story, bridge.Merged);
        Assert.Equal(1, clusterer.ActiveStoryCount);
        Assert.Equal(first.Story, clusterer.Assign(Report(4, "2023-09-12", ["train", "vladivostok", "armoured"])).Story);
    }

    [Fact]
    public void Merging_can_be_turned_off()
    {
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default with { MergeScore = double.PositiveInfinity }, ClusteringState.Empty);
        clusterer.Assign(Report(1, "2023-09-10", ["kim", "putin", "summit", "@kim", "@putin"]));
        clusterer.Assign(Report(2, "2023-09-10", ["train", "vladivostok", "armoured", "@vladivostok"]));

        StoryAssignment bridge = clusterer.Assign(Report(3, "2023-09-11", ["kim", "putin", "summit", "@kim", "@putin", "train", "vladivostok", "armoured", "@vladivostok"]));

        Assert.Null(bridge.Merged);
        Assert.Equal(2, clusterer.ActiveStoryCount);
    }

    [Fact]
    public void The_syndicated_sample_copy_is_a_copy_of_the_wire_report_and_joins_its_story()
    {
        // Given the wire report and its republished copy (lead reworded, a paragraph added), and an unrelated report
        StoryFeatures wire = FromSample("012-derna-thousands-missing-wire.txt", 1);
        StoryFeatures copy = FromSample("013-derna-thousands-missing-republished.txt", 2);
        StoryFeatures dams = FromSample("009-derna-dams-burst.txt", 3);

        // When they are compared and assigned
        double nearCopy = MinHash.Similarity(wire.Signature, copy.Signature);
        double related = MinHash.Similarity(wire.Signature, dams.Signature);
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryAssignment first = clusterer.Assign(wire);
        StoryAssignment second = clusterer.Assign(copy);

        // Then the copy is found (the same story told in other words is not) and joins the wire report's story
        Assert.True(nearCopy >= ClusteringOptions.Default.CopyThreshold, $"copy similarity {nearCopy:F3}");
        Assert.True(related < 0.2, $"related similarity {related:F3}");
        Assert.Equal(wire.Id, second.CopyOf);
        Assert.Equal(first.Story, second.Story);
        Assert.Null(clusterer.Assign(dams).CopyOf);
    }

    [Theory]
    [InlineData("2023-02-05", true)]   // 35 days after the original, within the 60-day window: a copy
    [InlineData("2023-03-15", false)]  // 73 days after it: out of the window, though its story is open (a report on day 30)
    public void Only_reports_within_the_window_are_originals_of_copies(string copyDate, bool isCopy)
    {
        // Given a story of two reports: an original on day 0 and, on day 30, a report with most of its words in another
        // order (the same story, not a copy)
        string[] text = [.. Enumerable.Range(0, 60).Select(i => "flood" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        string[] follow = [.. text.Take(50).Reverse(), .. Enumerable.Range(0, 10).Select(i => "dam" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default with { WindowDays = 60 }, ClusteringState.Empty);
        StoryFeatures original = Report(1, "2023-01-01", text) with { Signature = MinHash.Sign(text) };
        StoryAssignment first = clusterer.Assign(original);
        StoryAssignment later = clusterer.Assign(Report(2, "2023-01-31", follow) with { Signature = MinHash.Sign(follow) });

        // When the original's text comes again
        StoryAssignment again = clusterer.Assign(Report(3, copyDate, text) with { Signature = MinHash.Sign(text) });

        // Then it is a copy only while the original is within the window: the near-copy index holds the window's
        // reports, not every report of a story that stays open (which made the look-up grow with the archive)
        Assert.Equal(first.Story, later.Story);
        Assert.Null(later.CopyOf);
        Assert.Equal(isCopy ? original.Id : null, again.CopyOf);
    }

    [Fact]
    public void MinHash_estimates_Jaccard_similarity_of_shingles()
    {
        string[] words = [.. Enumerable.Range(0, 200).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        string[] edited = [.. words.Take(180), .. Enumerable.Range(0, 20).Select(i => "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        string[] other = [.. Enumerable.Range(0, 200).Select(i => "y" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        ImmutableArray<uint> a = MinHash.Sign(words);

        Assert.Equal(MinHash.Size, a.Length);
        Assert.Equal(1.0, MinHash.Similarity(a, MinHash.Sign(words)));
        Assert.InRange(MinHash.Similarity(a, MinHash.Sign(edited)), 0.6, 1.0);  // true Jaccard 178/220 = 0.81
        Assert.InRange(MinHash.Similarity(a, MinHash.Sign(other)), 0.0, 0.1);
        Assert.Empty(MinHash.Sign(["too", "short"]));
        Assert.Equal(0, MinHash.Similarity(a, []));
    }

    private static StoryFeatures FromSample(string file, int n)
    {
        string[] lines = File.ReadAllLines(Path.Combine(TestPaths.Samples, "reports", file));
        string date = lines.First(l => l.StartsWith("date ", StringComparison.Ordinal))[5..].Trim();
        string body = string.Join('\n', lines.SkipWhile(l => !l.StartsWith("date ", StringComparison.Ordinal)).Skip(1));
        return FromText(n, date, null, body);
    }
}
