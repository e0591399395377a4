using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.SaidThatPattern"/>: "SOURCE CUE [object] [that] CONTENT".</summary>
public sealed class SaidThatPatternTests
{
    // body, content, source, cue
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // The plain case, no "that"
        { "The Kremlin said it had nothing to say on the matter.", "it had nothing to say on the matter", "The Kremlin", "said" },
        // told + object + that: the object is not part of the content
        { "Hirokazu Matsuno told reporters that Tokyo will be watching.", "that Tokyo will be watching", "Hirokazu Matsuno", "told" },
        // An auxiliary and an adverb fold into the cue
        { "The minister has also said the plan would go ahead.", "the plan would go ahead", "The minister", "has also said" },
        // A relative clause belongs to the source
        { "One source who spoke on condition of anonymity told Reuters that a visit was expected.", "that a visit was expected", "One source who spoke on condition of anonymity", "told" },
        // An appositive source: name, role, cue
        { "Dmitry Peskov, the Kremlin spokesman, said the talks went well.", "the talks went well", "Dmitry Peskov, the Kremlin spokesman", "said" },
        // A trailing ", citing …" ends the content
        { "The agency reported the train had crossed, citing officials.", "the train had crossed", "The agency", "reported" },
        // Where and how it was said, before "that", is not part of the content
        { "The minister said in a statement on Monday that the plan would go ahead.", "that the plan would go ahead", "The minister", "said" },
        // A base form after two names is a verb: the subject is plural
        { "Trump and Clinton say the debate was fair.", "the debate was fair", "Trump and Clinton", "say" },
        // "police" is plural without an s
        { "Police say the suspect fled on foot.", "the suspect fled on foot", "Police", "say" },
        // An adverb in -ly between the source and the verb belongs to the cue
        { "Analysts generally say the market will recover.", "the market will recover", "Analysts", "generally say" },
        // So do a modal and a negative contraction
        { "The minister can\u2019t say the plan will work.", "the plan will work", "The minister", "can\u2019t say" },
        // A noun and a verb from the lexicon side by side: the first is the noun ("reports say")
        { "City reports say the plan could cost more.", "the plan could cost more", "City reports", "say" },
        // A weak cue with a that-clause is an attribution
        { "The PBO estimates that the project is not worth building.", "that the project is not worth building", "The PBO", "estimates" },
        // A weak cue with a clause that has its own subject and verb
        { "Now he knows he\u2019s qualified for all the big tournaments.", "he\u2019s qualified for all the big tournaments", "he", "knows" },
        // The source is the pronoun next to the cue, not the words before it
        { "After 18 starts he knows that he needs new clubs.", "that he needs new clubs", "he", "knows" },
        // A parenthesis after the name belongs to the source
        { "Sen. Claire McCaskill (D-Mo.) said Sanders has pushed her to be stronger.", "Sanders has pushed her to be stronger", "Sen. Claire McCaskill (D-Mo.)", "said" },
        // So does an appositive after it
        { "Rep. Bobby Scott (D-Va.), ranking member of the committee, said he fully supports the compromise.", "he fully supports the compromise", "Rep. Bobby Scott (D-Va.), ranking member of the committee", "said" },
        // An age between commas does not end the name
        { "Yin Myint May, 60, a doctor, said she was elated.", "she was elated", "Yin Myint May, 60, a doctor", "said" },
        // The reported clause ends before the reporter's aside (issue 18: the Kremlin's quote ran on)
        { "The Kremlin said it had nothing to say on the matter, though President Vladimir Putin is due to speak this week.", "it had nothing to say on the matter", "The Kremlin", "said" },
        // … and before a new subject after "but"
        { "The minister said the talks would resume, but the reports did not say when.", "the talks would resume", "The minister", "said" },
        // "but added that …" is a second attribution of the same speaker, not part of the first
        { "Mahathir said it was up to the rulers, but added that he hoped it would be quick.", "it was up to the rulers", "Mahathir", "said" },
        { "Mahathir said it was up to the rulers, but added that he hoped it would be quick.", "that he hoped it would be quick", "Mahathir", "added" },
        // "but if …" may still be the speaker's words
        { "Tester said the plan was dead, but if the president wants it he should pay for it.", "the plan was dead, but if the president wants it he should pay for it", "Tester", "said" },
        // A time phrase between the source and the cue, or opening the sentence, is no part of the source
        { "Mayor Ruth Calloway on Thursday flatly denied that she was preparing to resign.", "that she was preparing to resign", "Mayor Ruth Calloway", "flatly denied" },
        { "Late on Monday the eastern administration said the dam had held.", "the dam had held", "the eastern administration", "said" },
        // "neither … nor …": both verbs are the cue (issue 18)
        { "Russian officials have neither confirmed nor denied reports that Mr Kim plans to meet Mr Putin.", "reports that Mr Kim plans to meet Mr Putin", "Russian officials", "have neither confirmed nor denied" },
        // "so far" belongs to the cue
        { "The eastern administration has so far confirmed more than 5,000 deaths.", "more than 5,000 deaths", "The eastern administration", "has so far confirmed" },
        // A request for anonymity describes the source
        { "A person familiar with the preparations who asked not to be named said Mr Kim was unlikely to leave.", "Mr Kim was unlikely to leave", "A person familiar with the preparations who asked not to be named", "said" },
        // A finding by a gerund subject
        { "Recent polling shows that his rating is roughly equivalent.", "that his rating is roughly equivalent", "Recent polling", "shows" },
        // Where and when it was said, then the clause without "that"
        { "United Gun Group said in a statement Thursday night they pulled the listing.", "they pulled the listing", "United Gun Group", "said" },
        // A second, coordinated verb shares the first verb's subject (issue 18: the sample's source "been sharply
        // critical of Trump and")
        { "Shawn Fain has been sharply critical of Trump and has said the union's support must be earned.", "the union's support must be earned", "Shawn Fain", "has said" },
        { "I laughed and said that I did not believe it.", "that I did not believe it", "I", "said" },
        // A coordinator that opens the phrase is no part of the source (issue 18: "and officials")
        { "Both were built in the 1970s, and officials said they had not been maintained.", "they had not been maintained", "officials", "said" },
        // A relative pronoun before the cue ends the source, with its comma (issue 18: "Mayor Ruth Calloway, who")
        { "Mayor Ruth Calloway, who denied last week that she planned to resign, spoke on Friday.", "that she planned to resign", "Mayor Ruth Calloway", "denied" },
        // An adverb between an auxiliary and the cue is no source; the subject is before the auxiliary (issue 18: "long")
        { "Engineers have long warned that the dams were fragile.", "that the dams were fragile", "Engineers", "warned" },
        // A plural's possessive apostrophe is part of the source, not a quotation mark (the sample's "planning who
        // asked not to be named")
        { "A person familiar with the companies' planning who asked not to be named said the carmakers had built up stocks.", "the carmakers had built up stocks", "A person familiar with the companies' planning who asked not to be named", "said" },
        // A short place after a group of people stays in the source (the sample's "— eastern Libya")
        { "Authorities in eastern Libya said schools would close on Sunday.", "schools would close on Sunday", "Authorities in eastern Libya", "said" },
        { "Police at the scene said two people were hurt.", "two people were hurt", "Police at the scene", "said" },
        // A list of names from the sentence start is one source (the sample's "— the United Arab Emirates")
        { "Egypt, Turkey and the United Arab Emirates said they were sending rescue teams.", "they were sending rescue teams", "Egypt, Turkey and the United Arab Emirates", "said" },
        // ... but not a sentence opener before a comma ("Meanwhile, Turkey and …" keeps its last name, as before)
        { "Meanwhile, Turkey and the United Arab Emirates said they were sending teams.", "they were sending teams", "the United Arab Emirates", "said" },
        // "it" after a preposition is an object, and the source goes on (a review of the "it" rule)
        { "Sources familiar with it said the deal was close.", "the deal was close", "Sources familiar with it", "said" },
        // A closing source and cue end the clause even when the clause ends with a name ("Derna, the mayor" is no
        // appositive)
        { "Officials said the storm killed thousands in Derna, the mayor said.", "the storm killed thousands in Derna", "Officials", "said" },
        // A coordinated clause after a cue is not what the cue reports: the source is the second clause's (the sample's
        // "— all three companies")
        { "Talks with all three companies continued, and people familiar with the talks said discussions with Ford had gone best.", "discussions with Ford had gone best", "people familiar with the talks", "said" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_source_before_the_cue_and_the_clause_after_it(string body, string content, string? source, string? cue) =>
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);

    // Verbs of the lexicon that report nothing here: comment says why.
    public static TheoryData<string> NotAttributions => new()
    {
        // Only an adverbial after the cue: no reported clause
        "The minister said on Monday.",
        // "want to" is no reporting
        "The minister wanted to leave early.",
        // "called for" is no reporting
        "The minister called for calm.",
        // "reporting" as a noun
        "(Additional reporting from agencies)",
        // "an expected meeting": an adjective, not a cue
        "Kim arrived ahead of an expected meeting with Putin.",
        // "added" reports only with a clause after it, not a thing (issue 18)
        "They added yet another goal in the third period.",
        // A cue inside a free relative: "what he said" is no source
        "What he said about Uber does not seem to advance any agenda.",
        // Only a place after the cue: no reported clause
        "Garland explained from Winnipeg.",
        // A noun after an adjective, a possessive, or another noun: no cue
        "The strange remark may have foreshadowed a number of curious statements.",
        "The mayor\u2019s claims, in some cases, don\u2019t stand up to inspection.",
        "The agency doesn\u2019t have a final cost estimate for the line, officials have heard it can\u2019t be built.",
        // Plural nouns from the lexicon: before a verb, after an adjective (found on the sample timelines)
        "Unconfirmed reports spread in eastern Libya on Thursday that a third dam had begun to crack.",
        "Officials also moved to calm fears about other dams.",
        // "called" before a name or a title names it
        "The company withdrew an app called Screenwise Meter last week.",
        // A passive cue without "by": what comes before it was reported, nobody reported it (issue 18: "dozens of
        // deaths" as a source)
        "Elsewhere in the region, dozens of deaths were reported in Al-Bayda.",
    };

    [Theory]
    [MemberData(nameof(NotAttributions))]
    public void A_cue_word_that_reports_nothing_gives_no_attribution(string body) => PatternCase.None(body, QuoteKind.Indirect);

    // Attributions that are no quote: a weak cue ("found", "shows", "knows", "called") with a thing after it, not a
    // clause, or a speech verb with a thing after it (issue 18). The act says what they are (see Acts).
    public static TheoryData<string> NotStatements => new()
    {
        "Woods found a good number of fairways on Thursday.",
        "The picture shows Rebecca Ferguson as a singer.",
        "The Forecaddie knows exactly what he needs.",
        "Critics called it a hit piece on Monday.",
        "The mayor didn\u2019t respond to interview requests on these topics.",
        "Putin has denied interference in the election.",
        "Both golfers confirmed the move to a new caddie.",
    };

    [Theory]
    [MemberData(nameof(NotStatements))]
    public void A_thing_after_the_cue_is_no_statement(string body) => PatternCase.NoStatement(body);

    // body, the act of its one indirect attribution
    public static TheoryData<string, QuoteAct> Acts => new()
    {
        // Words said: a speech verb and a clause
        { "The minister said the plan would go ahead.", QuoteAct.Statement },
        // A clause without a plain verb form near its start is still a clause after a speech verb
        { "Shelby said a prolonged standoff only makes all sides look silly.", QuoteAct.Statement },
        // A speech act told without its words
        { "Putin has denied interference in the election.", QuoteAct.Description },
        { "Critics called it a hit piece on Monday.", QuoteAct.Description },
        // A belief, with or without "that"
        { "Analysts believe the market will recover.", QuoteAct.Belief },
        { "Now he knows he\u2019s qualified for all the big tournaments.", QuoteAct.Belief },
        // A finding
        { "The survey found that six in ten respondents had a negative view.", QuoteAct.Finding },
    };

    [Theory]
    [MemberData(nameof(Acts))]
    public void The_act_says_what_is_attributed(string body, QuoteAct act)
    {
        AnalyzedArticle analyzed = PatternCase.Analyze(body);
        Assert.Equal(act, Assert.Single(analyzed.Quotes, q => q.Kind == QuoteKind.Indirect).Act);
    }

    [Fact]
    public void It_next_to_the_cue_is_the_whole_subject_not_the_words_before_it()
    {
        // The sample's "— 250,000 people it": "it" (the UN) is the subject; the people are what it spoke of.
        AnalyzedArticle analyzed = PatternCase.Analyze(
            "The United Nations launched an appeal to help the estimated 250,000 people it says need assistance.");

        Assert.DoesNotContain(analyzed.Quotes, q => q.Source is TextSpan s && analyzed.Text(s).Contains("people", StringComparison.Ordinal));
    }
}
