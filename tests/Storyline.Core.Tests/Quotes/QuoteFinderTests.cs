using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Quotes;

namespace Storyline.Core.Tests.Quotes;

public sealed class QuoteFinderTests
{
    // The stand-in recogniser with the resolver, which gives people their roles ("the spokesperson said").
    private static readonly AnalysisPipeline Pipeline = new PipelineBuilder().UseText().UseEntities().UseResolution().UseQuotes().Build();

    private static AnalyzedArticle Analyze(string body) =>
        Pipeline.Analyze(new Article(ArticleId.FromContent(null, new DateOnly(2023, 9, 12), null, body), new DateOnly(2023, 9, 12), body));

    // body, expected content, kind, expected source (null: none), expected cue (null: none)
    public static TheoryData<string, string, QuoteKind, string?, string?> Patterns => new()
    {
        // Curly marks, speaker after, inverted: "…," said X, who …
        { "\u201CA forum is taking place,\u201D said Nikolai, who also declined to give his surname.", "A forum is taking place,", QuoteKind.Direct, "Nikolai", "said" },
        // Straight marks, speaker after, not inverted
        { "\"We will see,\" the spokesperson said.", "We will see,", QuoteKind.Direct, "the spokesperson", "said" },
        // Pronoun speaker after the quote
        { "\u201CIt is done,\u201D he said.", "It is done,", QuoteKind.Direct, "he", "said" },
        // Speaker before, with a colon
        { "Mr Peskov said: \u201CThe meeting will happen.\u201D", "The meeting will happen.", QuoteKind.Direct, "Mr Peskov", "said" },
        // Speaker with a role before the name, after the quote
        { "\u201CThe teeth,\u201D said Vladivostok resident Fyodor.", "The teeth,", QuoteKind.Direct, "Vladivostok resident Fyodor", "said" },
        // Single curly marks as quotation marks; the odd ‘ in "Kim‘s" is an apostrophe, not a mark
        { "\u2018Mr Kim\u2018s trip is on,\u2019 an aide said.", "Mr Kim\u2018s trip is on,", QuoteKind.Direct, "an aide", "said" },
        // Doubled apostrophes as double marks (some archives)
        { "''We wanted control,'' Michael Cernech, the city manager, said.", "We wanted control,", QuoteKind.Direct, "Michael Cernech, the city manager", "said" },
        // Appositive speaker with a trailing prepositional phrase after the cue
        { "\u201CIt was clear,\u201D Doug Usher, director of research, said at the time.", "It was clear,", QuoteKind.Direct, "Doug Usher, director of research", "said" },
        // Indirect: source cue clause
        { "The Kremlin said it had nothing to say on the matter.", "it had nothing to say on the matter", QuoteKind.Indirect, "The Kremlin", "said" },
        // Indirect: told + object + that
        { "Hirokazu Matsuno told reporters that Tokyo will be watching.", "that Tokyo will be watching", QuoteKind.Indirect, "Hirokazu Matsuno", "told" },
        // Indirect: clause first, source and cue last
        { "North Korea may have millions of shells, analysts say.", "North Korea may have millions of shells", QuoteKind.Indirect, "analysts", "say" },
        // Indirect: clause first, then source, cue, an adverbial and a citing chain
        { "Kim appears to have departed for Russia on a train, South Korean broadcaster YTN reported on Monday, citing a government source.", "Kim appears to have departed for Russia on a train", QuoteKind.Indirect, "South Korean broadcaster YTN", "reported" },
        // Indirect: according to, at the start
        { "According to US officials, Mr Putin could focus on supplies.", "Mr Putin could focus on supplies", QuoteKind.Indirect, "US officials", "According to" },
        // Indirect: according to, at the end
        { "The two may meet in Vladivostok, according to the TASS news agency.", "The two may meet in Vladivostok", QuoteKind.Indirect, "the TASS news agency", "according to" },
        // Indirect: quoted X as saying — the source is X, the outlet relays
        { "Russian news agencies quoted Dmitry Peskov as saying that the leaders will meet.", "that the leaders will meet", QuoteKind.Indirect, "Dmitry Peskov", "quoted Dmitry Peskov as saying" },
        // Indirect: relative clause in the source
        { "One source who spoke on condition of anonymity told Reuters that a visit was expected.", "that a visit was expected", QuoteKind.Indirect, "One source who spoke on condition of anonymity", "told" },
        // Indirect: a participle's speaker is the sentence's subject
        { "He spoke on Tuesday, saying that the election was safe.", "that the election was safe", QuoteKind.Indirect, "He", "saying" },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Each_pattern_gives_its_content_source_and_cue(string body, string content, QuoteKind kind, string? source, string? cue)
    {
        AnalyzedArticle analyzed = Analyze(body);

        Quote quote = Assert.Single(analyzed.Quotes, q => q.Kind == kind && analyzed.Text(q.Content) == content);
        Assert.Equal(source, quote.Source is TextSpan s ? analyzed.Text(s) : null);
        Assert.Equal(cue, quote.Cue is TextSpan c ? analyzed.Text(c) : null);
    }

    // Text that must not give a quote: comment says why.
    public static TheoryData<string> NotQuotes => new()
    {
        // A title in marks inside a sentence, with no cue
        "He hosted \u201CThe Apprentice\u201D for years.",
        // Apostrophes only
        "Mr Kim\u2018s delegation and the countries' leaders met in the '90s.",
        // "reporting" as a noun is not a cue
        "(Additional reporting from agencies)",
        // "an expected meeting": an adjective, not a cue
        "Kim arrived ahead of an expected meeting with Putin.",
    };

    [Theory]
    [MemberData(nameof(NotQuotes))]
    public void Text_without_attribution_gives_no_quote(string body)
    {
        Assert.Empty(Analyze(body).Quotes);
    }

    [Fact]
    public void A_quote_over_two_paragraphs_is_one_quote()
    {
        // Given a quote whose first paragraph has no closing mark and whose second opens with a mark
        const string body = "Mr Peskov said: \u201CThe first part of it.\n\n\u201CThe second part of it.\u201D\n\nOther news.";

        // When quotes are found
        AnalyzedArticle analyzed = Analyze(body);

        // Then one direct quote runs from the first mark to the last, with its speaker
        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.StartsWith("The first part", analyzed.Text(quote.Content), StringComparison.Ordinal);
        Assert.EndsWith("The second part of it.", analyzed.Text(quote.Content), StringComparison.Ordinal);
        Assert.Equal("Mr Peskov", analyzed.Text(quote.Source!.Value));
    }

    [Fact]
    public void He_said_resolves_to_the_latest_named_speaker()
    {
        // Given a named speaker, then a quote attributed only to "he"
        AnalyzedArticle analyzed = Analyze("Kremlin spokesperson Dmitry Peskov said the talks went well. \u201CWe are pleased,\u201D he said.");

        // Then both quotes resolve to the same person
        Assert.Equal(2, analyzed.Quotes.Length);
        Assert.All(analyzed.Quotes, q => Assert.Equal("dmitry peskov", q.Speaker?.Value));
    }

    [Fact]
    public void The_spokesperson_said_resolves_to_the_person_with_that_role()
    {
        AnalyzedArticle analyzed = Analyze("Kremlin spokesperson Dmitry Peskov met reporters. \u201CWe are pleased,\u201D the spokesperson said.");

        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.Equal("dmitry peskov", quote.Speaker?.Value);
    }

    [Fact]
    public void A_chain_keeps_whom_the_source_cites()
    {
        AnalyzedArticle analyzed = Analyze("Kim arrived in Russia, Russian news agency Interfax reported citing footage from Rossiya-1 TV state channel.");

        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.Equal("Russian news agency Interfax", analyzed.Text(quote.Source!.Value));
        Assert.Equal("footage from Rossiya-1 TV state channel", analyzed.Text(quote.Citing!.Value));
        Assert.Equal(SourceKind.NewsOutlet, quote.SourceKind);
        Assert.Equal(SourceKind.StateMedia, quote.CitingKind);
    }

    [Fact]
    public void The_stage_is_safe_to_share_between_threads()
    {
        const string body = "\u201CIt is done,\u201D said Nikolai. The Kremlin said it had nothing to say.";
        int[] counts = new int[64];
        Parallel.For(0, counts.Length, i => counts[i] = Analyze(body).Quotes.Length);
        Assert.All(counts, c => Assert.Equal(counts[0], c));
    }
}
