using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Quotes;

/// <summary>Who said what, and how sure, on the two real seed reports: cleaned, then the default pipeline.</summary>
public sealed class SeedQuoteTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static AnalyzedArticle Seed(string name) => Pipeline.Analyze(new ReportCleaner().Clean(SeedFiles.Read(name)));

    private static Quote QuoteOf(AnalyzedArticle a, string contentStart, QuoteKind? kind = null) =>
        Assert.Single(a.Quotes, q => a.Text(q.Content).StartsWith(contentStart, StringComparison.Ordinal) && (kind is null || q.Kind == kind));

    private static string? Words(AnalyzedArticle a, TextSpan? span) => span is TextSpan s ? a.Text(s) : null;

    private static Claim ClaimOf(AnalyzedArticle a, string sentenceStart) =>
        Assert.Single(a.Claims, c => a.Text(c.Span).StartsWith(sentenceStart, StringComparison.Ordinal));

    [SharedFact("seeds")]
    public void Reuters_residents_are_members_of_the_public()
    {
        AnalyzedArticle a = Seed(SeedFiles.Reuters);

        Quote fyodor = QuoteOf(a, "Both countries show teeth");
        Assert.Equal(QuoteKind.Direct, fyodor.Kind);
        Assert.Equal("Vladivostok resident Fyodor", Words(a, fyodor.Source));
        Assert.Equal(SourceKind.Public, fyodor.SourceKind);

        // Nikolai's quote goes on after his name: both parts are his
        Quote first = QuoteOf(a, "A forum is taking place");
        Quote second = QuoteOf(a, "The security will be running");
        Assert.Equal("Nikolai", Words(a, first.Source));
        Assert.Equal("Nikolai", Words(a, second.Source));
        Assert.Equal(SourceKind.Public, first.SourceKind);
        Assert.Equal(SourceKind.Public, second.SourceKind);
    }

    [SharedFact("seeds")]
    public void Reuters_Kremlin_partial_quote_anonymous_source_and_relayed_sources()
    {
        AnalyzedArticle a = Seed(SeedFiles.Reuters);

        // The Kremlin said it had "nothing to say": an indirect attribution holding a partial direct quote
        Quote kremlin = QuoteOf(a, "it had \"nothing to say\"", QuoteKind.Indirect);
        Assert.Equal("The Kremlin", Words(a, kremlin.Source));
        Assert.Equal(SourceKind.Organization, kremlin.SourceKind);
        Quote partial = QuoteOf(a, "nothing to say", QuoteKind.Direct);
        Assert.Equal("The Kremlin", Words(a, partial.Source));

        Quote anonymous = QuoteOf(a, "that a Kim visit was expected");
        Assert.Equal("One source who spoke on condition of anonymity", Words(a, anonymous.Source));
        Assert.Equal(SourceKind.Anonymous, anonymous.SourceKind);

        // Interfax cited unidentified sources: the sources speak, Interfax relays
        Quote interfax = QuoteOf(a, "that Kim was due to visit");
        Assert.Equal(SourceKind.Anonymous, interfax.SourceKind);
        Assert.Equal("Russia's Interfax news agency", Words(a, interfax.CitedBy));

        // First reported by the New York Times citing unidentified US officials
        Quote times = Assert.Single(a.Quotes, q => Words(a, q.Source) == "the New York Times");
        Assert.Equal(SourceKind.NewsOutlet, times.SourceKind);
        Assert.Equal("Kim's trip", a.Text(times.Content)); // not "It" (issue 18)
        Assert.Equal("unidentified US officials", Words(a, times.Citing));
        Assert.Equal(SourceKind.Anonymous, times.CitingKind);

        Quote intelligence = QuoteOf(a, "it was possible");
        Assert.Equal("South Korea's intelligence agency", Words(a, intelligence.Source));
        Assert.Equal(SourceKind.Organization, intelligence.SourceKind);
    }

    [SharedFact("seeds")]
    public void Independent_named_speakers_with_roles_and_chains()
    {
        AnalyzedArticle a = Seed(SeedFiles.Independent);

        // Interfax citing Rossiya-1: the chain is kept
        Quote arrived = QuoteOf(a, "North Korean leader Kim Jong-un arrived");
        Assert.Equal("Russian news agency Interfax", Words(a, arrived.Source));
        Assert.Equal(SourceKind.NewsOutlet, arrived.SourceKind);
        Assert.Equal("footage from Rossiya-1 TV state channel", Words(a, arrived.Citing));
        Assert.Equal(SourceKind.StateMedia, arrived.CitingKind);

        // Russian news agencies quoted Kremlin spokesperson Dmitry Peskov
        Quote peskov = QuoteOf(a, "that Mr Putin and Mr Kim will meet");
        Assert.Equal("Kremlin spokesperson Dmitry Peskov", Words(a, peskov.Source));
        Assert.Equal(SourceKind.NamedPerson, peskov.SourceKind);
        Assert.Equal("dmitry peskov", peskov.Speaker?.Value);
        Assert.Equal("Russian news agencies", Words(a, peskov.CitedBy));
        Assert.Contains(a.Entities, e => e.Key == peskov.Speaker && e.Roles.Any(r => r.Contains("spokesperson", StringComparison.OrdinalIgnoreCase)));

        // "Mr Peskov said" resolves to the same person
        Assert.Equal("dmitry peskov", QuoteOf(a, "the meeting would include a lunch").Speaker?.Value);

        // Rudenko's quote after a colon
        Quote rudenko = QuoteOf(a, "The South Koreans have an embassy", QuoteKind.Direct);
        Assert.Equal("andrei rudenko", rudenko.Speaker?.Value);

        // Watson's quote, the second sentence after her name
        Quote watson1 = QuoteOf(a, "Arms discussions between Russia");
        Quote watson2 = QuoteOf(a, "We urge the DPRK");
        Assert.Equal("adrienne watson", watson1.Speaker?.Value);
        Assert.Equal("adrienne watson", watson2.Speaker?.Value);
        Assert.Equal(SourceKind.NamedPerson, watson2.SourceKind);

        // Matsuno's partial quote
        Quote matsuno = QuoteOf(a, "impact it could have", QuoteKind.Direct);
        Assert.Equal("hirokazu matsuno", matsuno.Speaker?.Value);

        // analysts say
        Quote analysts = QuoteOf(a, "North Korea may have tens of millions");
        Assert.Equal(SourceKind.Expert, analysts.SourceKind);

        Quote tass = QuoteOf(a, "Mr Kim and Mr Putin may meet");
        Assert.Equal(SourceKind.StateMedia, tass.SourceKind);
    }

    [SharedFact("seeds")]
    public void Kim_trip_goes_from_unconfirmed_and_expected_to_arrived()
    {
        AnalyzedArticle reuters = Seed(SeedFiles.Reuters);
        AnalyzedArticle independent = Seed(SeedFiles.Independent);

        Assert.Equal(Certainty.Unconfirmed, ClaimOf(reuters, "Kim's trip is still unconfirmed").Status);
        Assert.Equal(Certainty.Expected, ClaimOf(reuters, "One source who spoke").Status);
        Assert.Equal(Certainty.Speculative, ClaimOf(reuters, "Kim appears to have departed").Status);

        // The arrival is Confirmed on the record: Interfax (an outlet, citing state TV footage) states it without
        // hedging. One status for the claim everywhere (issue 18: it was "reported" in the story and "confirmed" in
        // what's new).
        Claim arrived = ClaimOf(independent, "North Korean leader Kim Jong-un arrived");
        Assert.Equal(Certainty.Confirmed, arrived.Status);
        Assert.Equal(SourceKind.NewsOutlet, arrived.SourceKind);
        Assert.Equal(Certainty.Speculative, ClaimOf(independent, "Mr Kim and Mr Putin may meet").Status);

        // One key follows the trip across both days
        Assert.Equal("kim jong un|visit", ClaimOf(reuters, "Kim's trip is still unconfirmed").Key);
        Assert.Equal("kim jong un|visit", arrived.Key);
        var track = Assert.Single(Storyline.Claims.ClaimHistory.Build([reuters, independent]), t => t.Key == "kim jong un|visit");
        var days = track.ByDay.ToList();
        Assert.Equal(new DateOnly(2023, 9, 11), days[0].Date);
        Assert.Contains(Certainty.Unconfirmed, days[0].Statuses);
        Assert.Contains(Certainty.Expected, days[0].Statuses);
        Assert.Contains(Certainty.Confirmed, days[1].Statuses);
        Assert.Equal([Certainty.Unconfirmed, Certainty.Confirmed], days.Select(d => d.Standing).ToArray());

        // What's new since the first day reads the same values as the claim's status over time
        var news = new Storyline.Timelines.WhatsNew().Since([reuters, independent], new Storyline.Timelines.NewsCutoff(new DateOnly(2023, 9, 11), null));
        var change = Assert.Single(news.StatusChanges, c => c.Key == "kim jong un|visit");
        Assert.Equal(Certainty.Unconfirmed, change.From);
        Assert.Equal(Certainty.Confirmed, change.To);
    }
}
