using Storyline.Domain;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Core.Tests.Stories;

public sealed class HeadlineTests
{
    public static TheoryData<string, string> Leads => new()
    {
        // Short enough: kept whole, without its full stop.
        { "Kremlin confirms Kim visit to Russia.", "Kremlin confirms Kim visit to Russia" },

        // The attribution after the comma goes; the clause before it is the headline (16 words, within the limit).
        {
            "North Korean leader Kim Jong-un arrived in Russia ahead of an expected meeting with president Vladimir Putin, Russian news agency Interfax reported citing footage from Rossiya-1 TV state channel.",
            "North Korean leader Kim Jong-un arrived in Russia ahead of an expected meeting with president Vladimir Putin"
        },

        // Of the comma after six words and the clause word after fourteen, the latter is nearer 12 words.
        {
            "In the port city on Sunday, rescuers pulled dozens of survivors from collapsed buildings as the death toll rose past two hundred and aid agencies warned of disease.",
            "In the port city on Sunday, rescuers pulled dozens of survivors from collapsed buildings"
        },

        // No boundary anywhere near: the first 12 words and an ellipsis.
        {
            "Officials of the regional water authority told residents of the eastern districts to boil tap water for at least three more days until tests come back clean",
            "Officials of the regional water authority told residents of the eastern districts …"
        },

        // A closing quotation mark that belongs to the kept words stays.
        { "The union called the offer \"an insult\".", "The union called the offer \"an insult\"" },
    };

    [Theory]
    [MemberData(nameof(Leads))]
    public void A_lead_is_cut_at_a_clause_boundary_to_about_twelve_words(string lead, string expected)
    {
        Token[] tokens = [.. new Tokenizer().Tokenize(lead)];

        Assert.Equal(expected, Headline.Cut(lead, tokens));
    }

    public static TheoryData<string, string> Titles => new()
    {
        // A title is the headline as it is, white space tidied.
        { "  Kim  arrives in Russia ", "Kim arrives in Russia" },

        // An outlet's name after a bar or a dash goes.
        { "Derna toll could reach 20,000, mayor says | Mediterranean Monitor", "Derna toll could reach 20,000, mayor says" },
        { "Quake kills dozens in southern Peru - BBC News", "Quake kills dozens in southern Peru" },

        // A dash that is part of the headline stays: what follows is long, or has a number.
        { "Ceasefire holds - for now, say residents of the besieged city", "Ceasefire holds - for now, say residents of the besieged city" },
        { "Election results - Round 2", "Election results - Round 2" },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void A_report_with_a_title_has_it_as_its_headline(string title, string expected)
    {
        var article = new Article(new ArticleId("0000000000000001"), new DateOnly(2023, 9, 12), "Body text of the report.", Title: title);
        AnalyzedArticle analysed = AnalyzedArticle.Empty(article);

        Assert.Equal(expected, Headline.Of(analysed));
    }
}
