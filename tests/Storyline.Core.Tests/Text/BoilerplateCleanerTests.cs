using Storyline.Text;

namespace Storyline.Core.Tests.Text;

public sealed class BoilerplateCleanerTests
{
    private const string Story = "The minister resigned on Friday after weeks of pressure, her office said.";

    /// <summary>Input, expected body, expected removed pieces in order.</summary>
    public static TheoryData<string, string, string[]> Cases => new()
    {
        // A whole paragraph of sign-up prompt is dropped; the story paragraph after it stays.
        {
            "Sign up to our free morning briefing Enter your email address SIGN UP\n\n" + Story,
            Story,
            ["Sign up to our free morning briefing Enter your email address SIGN UP"]
        },

        // A prompt glued to the start of a story paragraph with no punctuation is trimmed off.
        {
            "Get our weekly newsletter SIGN UP The minister resigned on Friday after weeks of pressure, her office said.",
            Story,
            ["Get our weekly newsletter SIGN UP"]
        },

        // A prompt glued on without punctuation, the story sentence opening with "The".
        {
            "Sign up to our daily newsletter The minister resigned on Friday after weeks of pressure, her office said.",
            Story,
            ["Sign up to our daily newsletter"]
        },

        // A prompt glued onto a wire dateline with no punctuation between (the sample's 021): cut before the dateline,
        // which the report cleaner then reads as one.
        {
            "Get the day's biggest business stories in your inbox Sign up to our Business Briefing Enter your email address SUBSCRIBE Read our privacy policy Thanks for subscribing to the Business Briefing DETROIT (Wire) - " + Story,
            "DETROIT (Wire) - " + Story,
            ["Get the day's biggest business stories in your inbox Sign up to our Business Briefing Enter your email address SUBSCRIBE Read our privacy policy Thanks for subscribing to the Business Briefing"]
        },

        // A prompt glued to the end of a story paragraph is trimmed off.
        {
            Story + " Share this article Copy link",
            Story,
            ["Share this article Copy link"]
        },

        // A verbatim repeat is a strong sign: the doubled validation message goes with the prompt.
        {
            "Please enter a valid email address Please enter a valid email address\n\n" + Story,
            Story,
            ["Please enter a valid email address Please enter a valid email address"]
        },

        // A prompt in other words, with no cue phrase: inbox, alerts, addressed to the reader.
        {
            "Get breaking news alerts sent straight to your inbox\n\n" + Story,
            Story,
            ["Get breaking news alerts sent straight to your inbox"]
        },

        // Cookie notice paragraph.
        {
            Story + "\n\nWe use cookies to personalise content and ads. Accept all cookies",
            Story,
            ["We use cookies to personalise content and ads. Accept all cookies"]
        },

        // Page furniture between paragraphs: each line dropped, in order.
        {
            Story + "\n\nAdvertisement\n\nStory continues below\n\nThe vote is due on Tuesday.",
            Story + "\n\nThe vote is due on Tuesday.",
            ["Advertisement", "Story continues below"]
        },

        // A capitalised advertising marker glued before a story sentence.
        {
            "ADVERTISEMENT " + Story,
            Story,
            ["ADVERTISEMENT"]
        },

        // A linked headline goes even though it has a reporting verb: it is another article.
        {
            Story + "\n\nRead more: Opposition says minister's exit came too late",
            Story,
            ["Read more: Opposition says minister's exit came too late"]
        },

        // The same in capitals: "MORE:" is the cue's word, not a wire dateline to cut before (Gender Gap Tracker dev).
        {
            Story + "\n\nREAD MORE: Nova Scotia says hospital emergency departments closing more often",
            Story,
            ["READ MORE: Nova Scotia says hospital emergency departments closing more often"]
        },

        // "Related:" and "Most read" lines.
        {
            "Related: Cabinet reshuffle expected next week\n\n" + Story + "\n\nMost read",
            Story,
            ["Related: Cabinet reshuffle expected next week", "Most read"]
        },

        // Calls to action: click here, follow us.
        {
            Story + " Click here to get our app. Follow us on Twitter and Facebook",
            Story,
            ["Click here to get our app. Follow us on Twitter and Facebook"]
        },

        // A photo credit standing alone as a paragraph, and one glued to the end of a paragraph.
        {
            "(AFP via Getty Images)\n\n" + Story + " (Getty Images)",
            Story,
            ["(AFP via Getty Images)", "(Getty Images)"]
        },

        // The Independent's block, as it reaches us: one paragraph, then the story.
        {
            "For free real time breaking news alerts sent straight to your inbox sign up to our breaking news emails "
                + "Sign up to our free breaking news emails Please enter a valid email address Please enter a valid "
                + "email address SIGN UP I would like to be emailed about offers, events and updates from The "
                + "Independent. Read our privacy notice Thanks for signing up to the\n\n" + Story,
            Story,
            [
                "For free real time breaking news alerts sent straight to your inbox sign up to our breaking news emails "
                    + "Sign up to our free breaking news emails Please enter a valid email address Please enter a valid "
                    + "email address SIGN UP I would like to be emailed about offers, events and updates from The "
                    + "Independent. Read our privacy notice Thanks for signing up to the",
            ]
        },

        // Negative: "signed up" in a story is not a prompt.
        {
            "The senator said she had signed up for the program.",
            "The senator said she had signed up for the program.",
            []
        },

        // Negative: email, inbox and privacy in a story sentence with a reporting verb.
        {
            "Customers were told to check their email inbox after the privacy breach, the bank said.",
            "Customers were told to check their email inbox after the privacy breach, the bank said.",
            []
        },

        // Negative: prompt words without a reporting verb, but about third parties, not the reader.
        {
            "Residents should check their email inbox for alerts from the council.",
            "Residents should check their email inbox for alerts from the council.",
            []
        },

        // Negative: a story sentence that opens with "Sign up" and goes on about something else.
        {
            "Sign up remained slow in rural areas.",
            "Sign up remained slow in rural areas.",
            []
        },

        // Negative: "sign up" mid-sentence; the kept text would not end like a sentence, so nothing is cut.
        {
            "Voters can sign up to vote until Friday.",
            "Voters can sign up to vote until Friday.",
            []
        },

        // Negative: "Advertisement" as an ordinary word at the start of a story sentence.
        {
            "Advertisement revenue fell 20% in the quarter.",
            "Advertisement revenue fell 20% in the quarter.",
            []
        },

        // Negative: "Share" capitalised at a sentence start in a business story.
        {
            "Share prices fell sharply on Monday. Analysts blamed the strike.",
            "Share prices fell sharply on Monday. Analysts blamed the strike.",
            []
        },

        // Negative: an attribution line is part of the report, not a credit.
        {
            Story + "\n\n(Additional reporting from agencies)",
            Story + "\n\n(Additional reporting from agencies)",
            []
        },

        // Negative: a quoted prompt inside a story is a quote.
        {
            "\u201CSubscribe to our channel,\u201D the influencer told followers before the video was removed.",
            "\u201CSubscribe to our channel,\u201D the influencer told followers before the video was removed.",
            []
        },

        // Negative: a repeated short phrase in a quote is not a prompt.
        {
            "\u201CNever again. Never again.\u201D The crowd chanted as the verdict was read.",
            "\u201CNever again. Never again.\u201D The crowd chanted as the verdict was read.",
            []
        },

        // Negative: "Most read" opening a story sentence (it is dropped only as a line of its own).
        {
            "Most read stories of the week were about the storm.",
            "Most read stories of the week were about the storm.",
            []
        },

        // Negative: "Related:" followed by a lowercase clause is a sentence, not a linked headline.
        {
            "Related: the storm killed 10 people.",
            "Related: the storm killed 10 people.",
            []
        },

        // Negative: a call to action that goes on about the story is kept.
        {
            "Click here to read the full report, which was published on Monday by the agency.",
            "Click here to read the full report, which was published on Monday by the agency.",
            []
        },

        // Negative: a prompt in the middle of a paragraph is kept; only the ends are trimmed.
        {
            "The storm hit on Monday. Sign up to our newsletter. Officials said 10 people died.",
            "The storm hit on Monday. Sign up to our newsletter. Officials said 10 people died.",
            []
        },

        // Negative: a prompt quoted in a story.
        {
            "He told AP: \u201CSign up now.\u201D",
            "He told AP: \u201CSign up now.\u201D",
            []
        },

        // Known limit, kept on purpose: a truncated prompt glued to a story sentence with no break cannot be told
        // apart from the story, so nothing is removed.
        {
            "Thanks for signing up to the North Korean leader Kim Jong-un arrived in Russia ahead of a meeting.",
            "Thanks for signing up to the North Korean leader Kim Jong-un arrived in Russia ahead of a meeting.",
            []
        },

        // Prompts at both ends of one paragraph, each removed, prefix first.
        {
            "Sign up to receive our top stories every morning. The storm killed 10 people on Tuesday, officials said. Sign up",
            "The storm killed 10 people on Tuesday, officials said.",
            ["Sign up to receive our top stories every morning.", "Sign up"]
        },

        // A whole share bar as one paragraph.
        {
            "Share on Facebook Share on Twitter Share on WhatsApp Copy link\n\n" + Story,
            Story,
            ["Share on Facebook Share on Twitter Share on WhatsApp Copy link"]
        },

        // Page furniture between story paragraphs, in the forms outlets print it (issue 18).
        {
            Story + "\n\nArticle Continued Below\n\n" + Story,
            Story + "\n\n" + Story,
            ["Article Continued Below"]
        },

        // A video link: "WATCH:" and a headline, even one with a reporting verb in it.
        {
            "WATCH: Sanders says Trump didn\u2019t cave on border wall because talks are ongoing\n\n" + Story,
            Story,
            ["WATCH: Sanders says Trump didn\u2019t cave on border wall because talks are ongoing"]
        },

        // A video link with a bar, and one that ends with a colon; then a video link and furniture in one paragraph.
        {
            "WATCH | Gasol-Valanciunas trade deepens Raptors' identity crisis;\n\nWatch highlights of Edmonton's loss to San Jose:\n\n"
                + "Watch: Malaysia's king abdicates. Story continues below.\n\n" + Story,
            Story,
            ["WATCH | Gasol-Valanciunas trade deepens Raptors' identity crisis;", "Watch highlights of Edmonton's loss to San Jose:", "Watch: Malaysia's king abdicates. Story continues below."]
        },

        // A photo caption from a gallery, with its credit.
        {
            "Open this photo in gallery Conservative Leader Andrew Scheer. Jacques Boissinot/The Canadian Press.\n\n" + Story,
            Story,
            ["Open this photo in gallery Conservative Leader Andrew Scheer. Jacques Boissinot/The Canadian Press."]
        },

        // A paragraph that ends with a photographer's credit is a caption, even when it reads like a story sentence.
        {
            Story + "\n\nGolden said she looked for the co-worker who shared the drugs. (Steve Lawrence/CBC)\n\n" + Story,
            Story + "\n\n" + Story,
            ["Golden said she looked for the co-worker who shared the drugs. (Steve Lawrence/CBC)"]
        },

        // Negative: two words with a slash in brackets that are no credit, at the end of a story paragraph.
        {
            "Sales rose in the first quarter (January/March).",
            "Sales rose in the first quarter (January/March).",
            []
        },

        // Negative: "Watch" opening a story sentence.
        {
            "Watch out for ice on the roads, police said.",
            "Watch out for ice on the roads, police said.",
            []
        },

        // Empty input.
        { "", "", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Removes_boilerplate_and_keeps_story_text(string input, string expectedBody, string[] expectedRemoved)
    {
        CleanedText cleaned = new BoilerplateCleaner().Clean(input);

        Assert.Equal(expectedBody, cleaned.Body);
        Assert.Equal(expectedRemoved, cleaned.Removed);
    }

    /// <summary>Odd input that must not throw: lone punctuation, unclosed brackets, repeated cues, stray line breaks.</summary>
    public static TheoryData<string> Odd => new()
    {
        "(",
        ")",
        "(Getty",
        "Sign up",
        ":",
        " \n\n \n\n ",
        "a\nb\n\n\n\nc",
        string.Concat(Enumerable.Repeat("Sign up ", 5000)),
        string.Concat(Enumerable.Repeat("(Getty Images ", 2000)),
        string.Concat(Enumerable.Repeat("Please enter. ", 3000)),
        "Read more:",
        "\u201C",
    };

    [Theory]
    [MemberData(nameof(Odd))]
    public void Never_throws(string input)
    {
        CleanedText cleaned = new BoilerplateCleaner().Clean(input);

        Assert.NotNull(cleaned.Body);
    }
}
