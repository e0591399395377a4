using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Storage.Tests;

/// <summary>Small realistic reports, cleaned and analysed by the default pipeline, and ways to store them.</summary>
internal static class Reports
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();
    private static readonly ReportCleaner Cleaner = new();

    /// <summary>Three stories over a week in September 2023, in date order, then one that comes back weeks later.</summary>
    public static ImmutableArray<AnalyzedArticle> Stream { get; } =
    [
        Analyze("2023-09-10", "Kim Jong Un expected in Russia", "SEOUL, South Korea: North Korean leader Kim Jong Un is expected to travel to Russia to meet President Vladimir Putin, officials in Seoul said.\n\nThe Kremlin declined to confirm the trip. Kim Jong Un rarely travels abroad."),
        Analyze("2023-09-11", "Floods kill thousands in Libya", "DERNA, Libya (Reuters) - Floods swept through the eastern Libyan city of Derna after two dams burst during Storm Daniel, killing thousands.\n\nRescue teams in Derna searched the rubble as Libya appealed for help."),
        Analyze("2023-09-11", "Kim's armoured train heads to Vladivostok", "VLADIVOSTOK, Russia: Residents of Vladivostok waited for the armoured train of Kim Jong Un, the North Korean leader, ahead of talks with Vladimir Putin.\n\nThe Kremlin said Putin and Kim Jong Un would discuss cooperation."),
        Analyze("2023-09-12", "Bank of England weighs another rate rise", "LONDON - The Bank of England is weighing another rise in interest rates as inflation in Britain stays high, economists said.\n\nAndrew Bailey, the Bank of England governor, said inflation would fall."),
        Analyze("2023-09-12", "Derna death toll rises", "TRIPOLI, Libya: The death toll in Derna rose as rescue teams pulled more bodies from the floods, the Libyan Red Crescent said.\n\nStorm Daniel destroyed whole neighbourhoods of Derna when the dams burst."),
        Analyze("2023-09-13", "Putin and Kim meet at Vostochny cosmodrome", "VOSTOCHNY, Russia: Vladimir Putin met Kim Jong Un at the Vostochny cosmodrome, where the North Korean leader toured the launch pads.\n\nPutin said Russia would help North Korea build satellites. Kim Jong Un praised the Kremlin."),
        Analyze("2023-09-13", "Aid reaches Derna", "BENGHAZI, Libya: The first aid convoys reached Derna as the United Nations warned that the floods in Libya had left thousands homeless.\n\nRescue teams in Derna said Storm Daniel had swept whole streets into the sea."),
        Analyze("2023-09-14", "Inflation in Britain falls", "LONDON - Inflation in Britain fell unexpectedly, easing pressure on the Bank of England before its decision on interest rates.\n\nAndrew Bailey welcomed the fall in inflation."),
        Analyze("2023-10-30", "Kim Jong Un back in Pyongyang", "PYONGYANG, North Korea: Kim Jong Un, back in Pyongyang, ordered new satellite launches after his talks with Vladimir Putin in Russia.\n\nAnalysts said North Korea hoped the Kremlin would share technology."),
    ];

    /// <summary>A report cleaned and analysed as the ingestor does.</summary>
    public static AnalyzedArticle Analyze(string date, string? title, string text, string? outlet = "Wire", string? url = null, string origin = "feed.jsonl") =>
        Pipeline.Analyze(Cleaner.Clean(new SourceReport(origin, 1, DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, title, url, outlet)));

    /// <summary>A bare report with a chosen id, for tests that care about ids and dates only.</summary>
    public static AnalyzedArticle Bare(string id, string date, string body = "Plain report text.") =>
        AnalyzedArticle.Empty(new Article(new ArticleId(id), DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body));

    /// <summary>Stores <paramref name="report"/> in story <paramref name="story"/>, as a clusterer might have decided.</summary>
    public static Task<bool> SaveInStoryAsync(this IStoryStore store, AnalyzedArticle report, long story, string title = "A story") =>
        store.SaveAsync(report, StoryFeatures.From(report), new StoryAssignment(report.Article.Id, new StoryId(story), false, 0.5, title));

    /// <summary>Assigns each report with <paramref name="clusterer"/> and stores it, as the ingestor does.</summary>
    public static async Task<List<StoryAssignment>> IngestAsync(this IStoryStore store, OnlineStoryClusterer clusterer, IEnumerable<AnalyzedArticle> reports)
    {
        var assignments = new List<StoryAssignment>();
        foreach (AnalyzedArticle report in reports)
        {
            StoryFeatures features = StoryFeatures.From(report);
            StoryAssignment assignment = clusterer.Assign(features);
            Assert.True(await store.SaveAsync(report, features, assignment));
            assignments.Add(assignment);
        }

        return assignments;
    }

    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
