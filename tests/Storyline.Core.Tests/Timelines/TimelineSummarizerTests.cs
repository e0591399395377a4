using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Timelines;

namespace Storyline.Core.Tests.Timelines;

/// <summary>The ranked timeline, the summary and the standing of a claim, on small hand-written reports.</summary>
public sealed class TimelineSummarizerTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static AnalyzedArticle Report(string id, string date, string body) => Pipeline.Analyze(
        new Article(new ArticleId(id), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), body));

    [Fact]
    public void A_sentence_said_by_more_reports_ranks_higher_and_keeps_every_source()
    {
        // Given three reports of one day, two of which say the same thing about the dams
        var a = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "Rescuers in Derna said thousands of people were still missing after two dams burst. The port was closed to ships.");
        var b = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Rescuers in Derna said thousands of residents were still missing after two dams burst. Aid flights landed in Benghazi.");
        var c = Report("cccccccccccccccc", "2023-09-12", "Officials in Tripoli announced three days of national mourning for the flood victims.");

        TimelineDay day = Assert.Single(new TimelineSummarizer().Summarize([c, b, a], TimelineOptions.Story));

        // Then the dams are the first entry, with both reports as sources, and entries are in importance order
        TimelineEntry top = day.Entries[0];
        Assert.Contains("dams burst", top.Text, StringComparison.Ordinal);
        Assert.Equal([a.Article.Id, b.Article.Id], top.Sources.ToArray());
        Assert.True(day.Entries.Zip(day.Entries.Skip(1)).All(p => p.First.Importance >= p.Second.Importance));
    }

    [Fact]
    public void A_copy_is_a_source_but_not_an_independent_one()
    {
        var a = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "Rescuers in Derna said thousands of people were still missing after two dams burst.");
        var b = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Rescuers in Derna said thousands of people were still missing after two dams burst.");

        var independent = new TimelineSummarizer().Summarize([a, b], TimelineOptions.Story);
        var copied = new TimelineSummarizer().Summarize([a, b], TimelineOptions.Story with { Copies = new HashSet<ArticleId> { b.Article.Id } });

        Assert.Equal(2, copied[0].Entries[0].Sources.Length);
        Assert.True(copied[0].Entries[0].Importance < independent[0].Entries[0].Importance);
    }

    [Fact]
    public void The_most_named_days_are_kept_when_days_are_limited()
    {
        // 2023-09-11 ("on Monday") is named by two reports; 2023-09-10 ("on Sunday") by one; each report's lead is on its day.
        var a = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "The leader left the capital by train. The train crossed the border on Monday after a long wait.");
        var b = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Officials confirmed the journey to reporters. The armoured train crossed the border on Monday morning.");
        var c = Report("cccccccccccccccc", "2023-09-12", "Security was tightened in the port city. Police closed the station on Sunday evening.");

        var days = new TimelineSummarizer().Summarize([a, b, c], TimelineOptions.Story with { MaxDates = 1, LeadSentences = 0 });

        Assert.Equal(new DateOnly(2023, 9, 11), Assert.Single(days).Date);
        Assert.All(days[0].Entries, e => Assert.NotNull(e.Expression));
    }

    [Fact]
    public void An_entry_carries_its_certainty_and_attribution()
    {
        var report = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "North Korean leader Kim Jong-un arrived in Russia, Russian news agency Interfax reported.");

        TimelineEntry entry = new TimelineSummarizer().Summarize([report], TimelineOptions.Story)[0].Entries[0];

        // The claim's one status (ClaimStatus): an outlet on the record, unhedged
        Assert.Equal(Certainty.Confirmed, entry.Status);
        Assert.Contains("Interfax", entry.Attribution, StringComparison.Ordinal);
        Assert.Equal(SourceKind.NewsOutlet, entry.AttributionKind);
    }

    [Fact]
    public void An_entry_said_by_a_pronoun_is_attributed_to_the_person_it_stands_for()
    {
        // Given a report whose second sentence is "He said …" after a named speaker (issue 18: "— He" on the sample timelines)
        var report = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "Samuel Okoro, the utility's manager, said the mains were being flushed. He said crews had flushed about 19 miles of mains since Tuesday.");

        TimelineEntry entry = new TimelineSummarizer().Summarize([report], TimelineOptions.Story with { LeadSentences = 0 })
            .SelectMany(d => d.Entries).Single(e => e.Text.StartsWith("He said", StringComparison.Ordinal));

        // Then the entry names him
        Assert.Equal("Samuel Okoro", entry.Attribution);
    }

    [Fact]
    public void The_summary_has_the_asked_length_without_repeating_itself()
    {
        var a = Report("aaaaaaaaaaaaaaaa", "2023-09-11", "Kim Jong Un is expected to visit Russia for talks with Vladimir Putin. Officials in Seoul said the trip was possible. Residents of Vladivostok waited in the square.");
        var b = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Kim Jong Un is expected to visit Russia for talks with Vladimir Putin. Kim Jong Un arrived in Russia by armoured train. The Kremlin said a lunch was planned.");

        var summary = StoryDigest.Summarize([a, b], new HashSet<ArticleId>(), 3);

        Assert.Equal(3, summary.Length);
        Assert.Equal(summary.Length, summary.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Single(summary, s => s.Text.StartsWith("Kim Jong Un is expected", StringComparison.Ordinal));
        Assert.Empty(StoryDigest.Summarize([a, b], new HashSet<ArticleId>(), 0));
    }
}
