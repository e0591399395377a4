using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Timelines;

namespace Storyline.Core.Tests.Timelines;

/// <summary>
/// What issue 20 asks of timelines an editor would keep, on small hand-written reports: sentences dated by their own
/// clause, the summary in date order drawing on every day and never opening with a pronoun, what's new bounded and on or
/// after its cutoff, and a day of many reports ranked among its most central sentences.
/// </summary>
public sealed class EditorialTimelineTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static AnalyzedArticle Report(string id, string date, string body) => Pipeline.Analyze(
        new Article(new ArticleId(id), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), body));

    // Each row: a sentence, the expression in it, and whether the expression is in a subordinate clause.
    public static TheoryData<string, string, bool> Clauses => new()
    {
        { "Mr Kim and Mr Putin may meet in Vladivostok, where Mr Putin arrived on Monday to attend a forum.", "Monday", true }, // the seed: a relative clause
        { "The train, which left Pyongyang on Sunday, arrived at the border later.", "Sunday", true }, // a clause between commas
        { "The train, which left Pyongyang last week, arrived on Monday.", "Monday", false }, // the comma closes the clause
        { "When the leaders met on Wednesday, they discussed arms.", "Wednesday", true }, // a fronted clause
        { "Peskov said that the leaders will meet on Wednesday.", "Wednesday", false }, // what was said is the news
        { "Kim arrived in Russia on Tuesday.", "Tuesday", false }, // the main clause
    };

    [Theory]
    [MemberData(nameof(Clauses))]
    public void A_time_in_a_subordinate_clause_is_found_so(string sentence, string expression, bool subordinate)
    {
        AnalyzedArticle report = Report("aaaaaaaaaaaaaaaa", "2023-09-12", sentence);
        TimeExpression time = Assert.Single(report.Times, t => report.Text(t.Span) == expression);

        Assert.Equal(subordinate, ClauseScope.IsSubordinate(report, time));
    }

    [Fact]
    public void A_sentence_whose_time_is_in_a_relative_clause_stands_on_its_reports_day()
    {
        // Given the seed's sentence in a report of Tuesday 12 September
        AnalyzedArticle report = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "Mr Kim and Mr Putin may meet in the eastern Russian city of Vladivostok, where Mr Putin arrived on Monday to attend an international forum.");

        // Then it is the 12th's news, not Monday's
        TimelineDay day = Assert.Single(new TimelineSummarizer().Summarize([report], TimelineOptions.Story));
        Assert.Equal(new DateOnly(2023, 9, 12), day.Date);
        Assert.Null(day.Entries[0].Expression);
    }

    [Fact]
    public void The_summary_is_in_date_order_draws_on_every_day_and_never_opens_with_a_pronoun()
    {
        // Given three days of a story, the first report the longest, one of its sentences opening with "It"
        var a = Report("aaaaaaaaaaaaaaaa", "2023-09-11", "Kim Jong Un is expected to visit Russia for talks with Vladimir Putin. It was first reported by Japanese media that Kim Jong Un would visit Russia. South Korean intelligence officials watched the border crossing at Tumangang closely. Residents of the port city waited for the armoured train.");
        var b = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Kim Jong Un arrived in Russia by armoured train at Khasan. The Kremlin said a lunch in his honour was planned.");
        var c = Report("cccccccccccccccc", "2023-09-13", "The two leaders held talks at the Vostochny space centre, and Putin promised help with satellites.");

        var summary = StoryDigest.Summarize([c, a, b], new HashSet<ArticleId>(), 4);

        // Then every day is in it, in date order, and no sentence opens with the pronoun
        Assert.Equal([new DateOnly(2023, 9, 11), new DateOnly(2023, 9, 12), new DateOnly(2023, 9, 13)], summary.Select(s => s.Date).Distinct().ToArray());
        Assert.Equal(summary.Select(s => s.Date).Order().ToArray(), summary.Select(s => s.Date).ToArray());
        Assert.DoesNotContain(summary, s => StoryDigest.OpensWithPronoun(s.Text));
        Assert.Equal(4, summary.Length);
    }

    [Theory]
    [InlineData("It was first reported by Japanese media.", true)]
    [InlineData("\u201CThey are coming,\u201D he said.", true)] // after a quotation mark
    [InlineData("This was the first visit.", true)]
    [InlineData("Italy sent aid.", false)] // "It" inside a word
    [InlineData("There were no reports of damage.", false)] // existential "there" points at nothing
    public void A_sentence_opening_with_a_pronoun_is_seen(string sentence, bool opens)
    {
        Assert.Equal(opens, StoryDigest.OpensWithPronoun(sentence));
    }

    [Fact]
    public void Whats_new_gives_at_most_the_asked_facts_dated_on_or_after_the_cutoff_and_counts_the_rest()
    {
        // Given an old report and a new one of many sentences, one of which looks back before the cutoff
        var old = Report("aaaaaaaaaaaaaaaa", "2023-09-10", "Officials said the leader would travel to Russia by train.");
        string[] news =
        [
            "The leader arrived in Russia on Tuesday morning.", "The armoured train crossed the river at dawn.", "Guards lined the platform at the station.",
            "A band played as the train stopped.", "The governor greeted the delegation.", "Reporters were kept away from the station.",
            "The train left for the coast after an hour.", "Residents gathered along the tracks.", "Police closed the roads near the port.",
            "The visit had been planned on Sunday, officials said later.", "Analysts expect an arms deal.", "Markets in Seoul fell on the news.",
        ];
        var fresh = Report("bbbbbbbbbbbbbbbb", "2023-09-12", string.Join(' ', news));

        NewsSince since = new WhatsNew().Since([old, fresh], new NewsCutoff(new DateOnly(2023, 9, 11), null));
        NewsSince all = new WhatsNew().Since([old, fresh], new NewsCutoff(new DateOnly(2023, 9, 11), null), maxFacts: 100);

        // Then eight facts (the default), the most important first, none about a day before the cutoff, and the count
        // of the others
        Assert.Equal(WhatsNew.DefaultMaxFacts, since.Facts.Length);
        Assert.All(all.Facts, f => Assert.True(f.Date >= new DateOnly(2023, 9, 11)));
        Assert.DoesNotContain(all.Facts, f => f.Text.Contains("planned on Sunday", StringComparison.Ordinal));
        Assert.Equal(all.Facts.Length - 8, since.MoreFacts);
        Assert.Equal(all.Facts[..8].Select(f => f.Text), since.Facts.Select(f => f.Text));
    }

    [Fact]
    public void A_day_of_more_sentences_than_the_cap_is_ranked_among_its_most_central()
    {
        // Given one day of 40 reports and a cap of 10 sentences considered
        AnalyzedArticle[] reports =
        [
            .. Enumerable.Range(0, 40).Select(i => Report($"r{i:D15}", "2023-09-12", i % 4 == 0
                ? $"Rescuers in Derna searched for survivors after the dams burst, report {i}."
                : $"Officials in city number {i} announced a day of mourning for the flood victims."))
        ];

        TimelineDay day = Assert.Single(new TimelineSummarizer().Summarize(reports, TimelineOptions.Story with { MaxCandidatesPerDay = 10 }));

        // Then the day says how many it had and how many were weighed, and still has its entries
        Assert.Equal(40, day.Candidates);
        Assert.Equal(10, day.Considered);
        Assert.NotEmpty(day.Entries);
    }

    [Fact]
    public void The_date_model_reads_back_what_it_writes_and_refuses_another_shape()
    {
        var model = new DateModel([2, 0.5, 0, 0.5, 0, 0], ["H1N1_bbc"]);

        Assert.True(DateModel.TryParse(model.ToJson(), out DateModel? read, out _));
        Assert.Equal(model.Weights.ToArray(), read!.Weights.ToArray());
        Assert.Equal(["H1N1_bbc"], read.TrainedOn.ToArray());
        Assert.False(DateModel.TryParse("{\"version\":1,\"features\":[\"x\"],\"weights\":[1]}", out _, out string? error));
        Assert.Contains("features", error, StringComparison.Ordinal);
        Assert.False(DateModel.TryParse("not json", out _, out _));
    }

    [Fact]
    public void The_shipped_date_model_ranks_days_by_its_weights()
    {
        DateModel model = Assert.IsType<DateModel>(DateModel.Shipped);

        // A day of many reports and mentions outranks a quiet one whatever the weights' signs, since the shipped ones
        // are at least zero (the grid holds no negative weight).
        DayEvidence busy = new(new DateOnly(2023, 9, 12)) { Published = 10, ExactMentions = 5, LaterReports = 4, PlacedByExpression = 6 };
        DayEvidence quiet = new(new DateOnly(2023, 9, 20)) { Published = 1 };
        double[] scores = model.Score([busy, quiet]);

        Assert.All(model.Weights, w => Assert.True(w >= 0));
        Assert.True(scores[0] > scores[1]);
    }
}
