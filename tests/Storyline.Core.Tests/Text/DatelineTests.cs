using Storyline.Text;

namespace Storyline.Core.Tests.Text;

public sealed class DatelineTests
{
    /// <summary>Body, expected place, expected story text from BodyStart.</summary>
    public static TheoryData<string, string, string> Datelines => new()
    {
        // Seed 1: capitals, country, colon.
        { "VLADIVOSTOK, Russia: In Russia's Pacific port, residents said.", "VLADIVOSTOK, Russia", "In Russia's Pacific port, residents said." },

        // Agency in brackets and a spaced hyphen.
        { "DERNA, Libya (Reuters) - Rescue teams searched the rubble.", "DERNA, Libya", "Rescue teams searched the rubble." },

        // Agency and an em dash, no country.
        { "WASHINGTON (AP) \u2014 The Senate voted on Tuesday.", "WASHINGTON", "The Senate voted on Tuesday." },
        // Two cities filing jointly, joined by a slash (a wire report written in two bureaus).
        { "MOSCOW/SEOUL (Wire) - Kim Jong Un will visit Russia.", "MOSCOW/SEOUL", "Kim Jong Un will visit Russia." },

        // Capitals alone before an em dash.
        { "LONDON \u2014 Prices rose again in August.", "LONDON", "Prices rose again in August." },

        // A capitalised place with a date and an agency: the date is not part of the place.
        { "Seoul, Sept 12 (Reuters) - North Korea's leader left by train.", "Seoul", "North Korea's leader left by train." },

        // An abbreviated month with its period, then a plain hyphen.
        { "MOSCOW, Sept. 12 - The Kremlin declined to comment.", "MOSCOW", "The Kremlin declined to comment." },

        // En dash and a multi-word place in capitals.
        { "NEW YORK, United States \u2013 Markets opened higher.", "NEW YORK, United States", "Markets opened higher." },

        // Em dash glued to the place, as some wires print it.
        { "BEIRUT\u2014Protesters gathered outside parliament.", "BEIRUT", "Protesters gathered outside parliament." },

        // Place, country, date and year.
        { "Kuala Lumpur, Malaysia, Sept 12, 2023 (AFP) - Police said.", "Kuala Lumpur, Malaysia", "Police said." },

        // A two-letter abbreviation is fine after a comma.
        { "WASHINGTON, D.C. (AP) - Congress met.", "WASHINGTON, D.C.", "Congress met." },

        // A place that starts with "The", and a double hyphen.
        { "The Hague, Netherlands (Reuters) -- Judges ruled.", "The Hague, Netherlands", "Judges ruled." },

        // A lowercase joiner inside a place name.
        { "RIO DE JANEIRO, Brazil (Reuters) - Floods hit the city.", "RIO DE JANEIRO, Brazil", "Floods hit the city." },
    };

    [Theory]
    [MemberData(nameof(Datelines))]
    public void Finds_the_dateline(string body, string place, string story)
    {
        Assert.True(Dateline.TryParse(body, out DatelineMatch match));
        Assert.Equal(place, match.Place);
        Assert.Equal(story, body[match.BodyStart..]);
    }

    /// <summary>Openings that are story text, not datelines.</summary>
    public static TheoryData<string> NotDatelines => new()
    {
        // Seed 1 sentences: an ordinary start, a place in a prepositional phrase, a quote.
        "Kim's trip is still unconfirmed. It was first reported by the New York Times.",
        "In Vladivostok, there was a higher police presence than usual on the streets but no flags - unlike last time.",
        "\"Both countries show teeth to the whole world,\" said Vladivostok resident Fyodor.",

        // Seed 2 sentences: a hyphen inside a name, an adverb and a comma, a subject in capitals.
        "North Korean leader Kim Jong-un arrived in Russia ahead of an expected meeting.",
        "Meanwhile, deputy foreign minister Andrei Rudenko said that Russia will inform South Korea upon request: \"The South Koreans have an embassy.\"",
        "US officials released intelligence last week.",

        // Speech introduced by a colon.
        "Mr Peskov said: the meeting would include a lunch.",
        "He said: the forum runs through Wednesday.",

        // A capitalised name before a colon without a country, date or agency.
        "Peskov: no date has been set.",

        // A label in capitals is not a place.
        "BREAKING: Kim arrives in Russia.",

        // Two-letter capitals are a subject.
        "UN - a statement is expected.",

        // A name and a comma clause, then a dash later.
        "Kim, who rarely travels abroad - except to China - left on Sunday.",

        // Too many words before the separator.
        "Officials in the port city of Vladivostok on the Pacific coast said: the visit is on.",

        // A headline in capitals: what follows does not open a sentence.
        "NATO: allies agree on new spending target.",

        // Two countries and a dash: what follows is lowercase.
        "Japan, China - tensions rise again.",

        // A capitalised place with a colon but no country, date or agency.
        "Tokyo: Markets rose.",

        // The separator is in the next paragraph.
        "LONDON\n\n- a list item",

        // Nothing after the separator.
        "LONDON \u2014",

        // Empty.
        "",
    };

    [Theory]
    [MemberData(nameof(NotDatelines))]
    public void Leaves_story_openings_alone(string body)
    {
        Assert.False(Dateline.TryParse(body, out _));
    }
}
