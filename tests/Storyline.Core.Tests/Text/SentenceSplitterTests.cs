using Storyline.Domain;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static readonly Tokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new();

    public static TheoryData<string, string, string[]> Cases { get; } = new()
    {
        { "empty text has no sentences", "", [] },
        { "plain sentences", "It rained. Then it stopped.", ["It rained.", "Then it stopped."] },
        { "no final punctuation", "Breaking news", ["Breaking news"] },
        { "question and exclamation", "Why? Because! Fine.", ["Why?", "Because!", "Fine."] },
        { "title does not end a sentence", "Mr. Smith left. He was tired.", ["Mr. Smith left.", "He was tired."] },
        { "doctor and governor", "Dr. Ri met Gov. Kim today.", ["Dr. Ri met Gov. Kim today."] },
        { "saint in a place name", "He flew to St. Petersburg on Friday.", ["He flew to St. Petersburg on Friday."] },
        { "initial before a surname", "Author J. Smith wrote it.", ["Author J. Smith wrote it."] },
        { "middle initial", "George W. Bush spoke.", ["George W. Bush spoke."] },
        { "Jr. inside and at the end", "Martin Luther King Jr. spoke. He met King Jr. They talked.", ["Martin Luther King Jr. spoke.", "He met King Jr.", "They talked."] },
        { "dotted place at a sentence end", "He went to Washington, D.C. It was hot.", ["He went to Washington, D.C.", "It was hot."] },
        { "U.S. inside a sentence", "The U.S. official said no.", ["The U.S. official said no."] },
        { "U.S. before a title and name", "The U.S. President Joe Biden spoke.", ["The U.S. President Joe Biden spoke."] },
        { "U.S. ends a sentence before a pronoun", "He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."] },
        { "U.K. ends a sentence before a determiner", "Talks moved to the U.K. The deal followed.", ["Talks moved to the U.K.", "The deal followed."] },
        { "a.m. inside and at the end", "At 9 a.m. on Monday it began. It ended at 5 p.m. The crowd left.", ["At 9 a.m. on Monday it began.", "It ended at 5 p.m.", "The crowd left."] },
        { "month before a day", "On Sept. 11 the towers fell.", ["On Sept. 11 the towers fell."] },
        { "No. before a number", "He is No. 5 in line.", ["He is No. 5 in line."] },
        { "No. as an answer", "No. He refused.", ["No.", "He refused."] },
        { "etc. inside a sentence", "Apples, pears etc. were sold.", ["Apples, pears etc. were sold."] },
        { "etc. at a sentence end", "Apples, pears etc. The rest rotted.", ["Apples, pears etc.", "The rest rotted."] },
        { "Co. inside and at the end", "Samsung Co. said it would. He works for Samsung Co. It pays well.", ["Samsung Co. said it would.", "He works for Samsung Co.", "It pays well."] },
        { "vs. never ends a sentence", "It was Kim vs. Putin all day.", ["It was Kim vs. Putin all day."] },
        { "closing quote after the period belongs to the sentence", "He said: \"We will go.\" Then he left.", ["He said: \"We will go.\"", "Then he left."] },
        { "curly closing quote then a new sentence", "we have.” Mr Kim is making", ["we have.”", "Mr Kim is making"] },
        { "a quote of two sentences splits inside", "She said: “It is late. We go.” Then silence.", ["She said: “It is late.", "We go.”", "Then silence."] },
        { "comma inside the quote, lowercase after: one sentence", "\"So it adds up - he'll come,\" said Nikolai.", ["\"So it adds up - he'll come,\" said Nikolai."] },
        { "question in a quote followed by the attribution", "\"Will he come?\" asked Fyodor.", ["\"Will he come?\" asked Fyodor."] },
        { "period, quote, comma, attribution", "“We will go.”, said Kim.", ["“We will go.”, said Kim."] },
        { "opening quote starts the next sentence", "He declined. \"The security will be tight.\"", ["He declined.", "\"The security will be tight.\""] },
        { "closing bracket after the period", "(He left.) Then she came.", ["(He left.)", "Then she came."] },
        { "digit starts a sentence", "It was late. 425 people left.", ["It was late.", "425 people left."] },
        { "ellipsis before a capital", "He paused… Then he spoke.", ["He paused…", "Then he spoke."] },
        { "ellipsis before lowercase goes on", "He paused... and spoke.", ["He paused... and spoke."] },
        { "sentence ending in a URL-free domain-like word", "Visit bbc.co.uk for more.", ["Visit bbc.co.uk for more."] },
        { "emphatic run of punctuation", "What?! No way.", ["What?!", "No way."] },
        { "sentence starting with a symbol", "Prices rose. $5 is the new normal.", ["Prices rose.", "$5 is the new normal."] },
        { "Cyrillic sentences", "Он пришёл. Она ушла.", ["Он пришёл.", "Она ушла."] },
        { "decimal point is not a boundary", "It grew 3.5 per cent. Good.", ["It grew 3.5 per cent.", "Good."] },
        { "paragraph break ends a heading without punctuation", "Kim arrives\n\nThe train came.", ["Kim arrives", "The train came."] },
        { "bracketed credit line is its own sentence", "It ended.\n\n(Additional reporting from agencies)", ["It ended.", "(Additional reporting from agencies)"] },
        { "title at a paragraph end still ends at the break", "Ask Mr.\n\nNobody knows.", ["Ask Mr.", "Nobody knows."] },
        { "URL at a sentence end", "See www.bbc.co.uk. It has more.", ["See www.bbc.co.uk.", "It has more."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits(string why, string input, string[] expected)
    {
        _ = why;
        var sentences = Split(input);
        Assert.Equal(expected, sentences.Select(s => s.Span.ToString(input)));
        AssertWellFormed(input, Tokenizer.Tokenize(input), sentences);
    }

    [Fact]
    public void Paragraph_and_token_indices_are_given()
    {
        // Given two paragraphs, the second with two sentences
        const string text = "One here.\n\nTwo here. Three here.";

        // When it is split
        var sentences = Split(text);

        // Then each sentence knows its paragraph, position and tokens
        Assert.Equal([0, 1, 1], sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2], sentences.Select(s => s.Index));
        Assert.Equal([0, 3, 6], sentences.Select(s => s.FirstToken));
        Assert.Equal([3, 3, 3], sentences.Select(s => s.TokenCount));
    }

    public static TheoryData<string> SeedSentences { get; } = new()
    {
        "Kim's trip is still unconfirmed.",
        "\"A forum is taking place, so it all adds up - he'll come,\" said Nikolai, who also declined to give his surname.",
        "\"The security will be running after his limousine again.\"",
        "\"Both countries show teeth to the whole world and can stand for themselves.",
        "So, there is something in common,\" said Vladivostok resident Fyodor, who refused to give his surname.",
        "The Kremlin said it had \"nothing to say\" on the matter, though President Vladimir Putin is due to speak this week at an economic forum in Russia's Pacific port of Vladivostok, 6,500km east of Moscow.",
        "Mr Peskov said the meeting would include a lunch in Mr Kim‘s honour.",
        "Mr Putin’s first meeting with Mr Kim was held in 2019 in the city, which is about 425 miles (680km) north of Pyongyang.",
        "Meanwhile, deputy foreign minister Andrei Rudenko said that Russia will inform South Korea about the meeting’s outcome upon request: “The South Koreans have an embassy in Moscow.",
        "If they want, we can provide them with the information we have.”",
        "Mr Kim is making his first foreign trip since the Covid-19 pandemic, during which North Korea imposed tight border controls for more than three years.",
        "Interfax reported that the train crossed the Khasan station in “an atmosphere of absolute secrecy” on Tuesday morning.",
        "Japan’s chief cabinet secretary Hirokazu Matsuno told reporters that Tokyo will be watching the outcome of the Kim-Putin meeting with concern, including the “impact it could have on Russia’s invasion of Ukraine”.",
        "“Arms discussions between Russia and the DPRK are expected to continue during Kim Jong Un‘s trip to Russia,” said White House National Security Council spokesperson Adrienne Watson, using the abbreviation for North Korea’s official name of the Democratic People’s Republic of Korea.",
        "“We urge the DPRK to abide by the public commitments that Pyongyang has made to not provide or sell arms to Russia.”",
        "(Additional reporting from agencies)",
    };

    [SharedTheory("seeds")]
    [MemberData(nameof(SeedSentences))]
    public void Seeds_contain_the_sentence(string expected)
    {
        var found = SeedBodies.All().SelectMany(body => Split(body).Select(s => s.Span.ToString(body)));
        Assert.Contains(expected, found);
    }

    [SharedFact("seeds")]
    public void Seed_sentences_are_well_formed()
    {
        foreach (string body in SeedBodies.All())
        {
            AssertWellFormed(body, Tokenizer.Tokenize(body), Split(body));
        }
    }

    public static TheoryData<string> SyntheticTexts { get; } = new()
    {
        "",
        "x",
        ". . . ! ? …",
        "“Quote.” “Another!” (Aside.) 'Single.' End",
        "Heading\n\nBody text. More.\n\nByline",
        "a\u0001b. \uD800 C. e\u0301. 👍 Z.",
        "Mr.\n\nU.S.\n\nJ.\n\n\"\n\n)",
    };

    [Theory]
    [MemberData(nameof(SyntheticTexts))]
    public void Synthetic_sentences_are_well_formed(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        TokenizerTests.AssertCoverage(text, tokens);
        AssertWellFormed(text, tokens, Splitter.Split(text, tokens));
    }

    [Fact]
    public void Random_texts_never_throw_and_stay_well_formed()
    {
        // Given strings drawn from the characters the rules care about, with a fixed seed so that a failure repeats
        const string alphabet = "aZ9 .!?…'’‘\"“”«»()-–—,:;/@#$%_\n\u0001\uD800\uDC00\u0301é金";
        var random = new Random(20230912);
        for (int round = 0; round < 2000; round++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);

            // When it is tokenized and split, Then tokens cover it and sentences are well formed
            var tokens = Tokenizer.Tokenize(text);
            TokenizerTests.AssertCoverage(text, tokens);
            AssertWellFormed(text, tokens, Splitter.Split(text, tokens));
        }
    }

    private static IReadOnlyList<Sentence> Split(string text) => Splitter.Split(text, Tokenizer.Tokenize(text));

    /// <summary>
    /// Sentences are numbered in order, cover every token once, lie within the text without overlapping, span from
    /// their first token to their last, and never cross a paragraph break.
    /// </summary>
    private static void AssertWellFormed(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        int nextToken = 0;
        int previousEnd = 0;
        int paragraph = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            Sentence sentence = sentences[s];
            Assert.Equal(s, sentence.Index);
            Assert.Equal(nextToken, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0);
            Token first = tokens[sentence.FirstToken];
            Token last = tokens[sentence.FirstToken + sentence.TokenCount - 1];
            Assert.Equal(TextSpan.FromBounds(first.Span.Start, last.Span.End), sentence.Span);
            Assert.True(sentence.Span.Start >= previousEnd && sentence.Span.End <= text.Length);
            Assert.DoesNotContain("\n\n", sentence.Span.ToString(text), StringComparison.Ordinal);

            string gap = text[previousEnd..sentence.Span.Start];
            // However many blank lines a gap holds (normalised text has one), it is one paragraph break.
            paragraph += s > 0 && gap.Count(c => c == '\n') >= 2 ? 1 : 0;
            Assert.Equal(paragraph, sentence.Paragraph);

            nextToken += sentence.TokenCount;
            previousEnd = sentence.Span.End;
        }

        Assert.Equal(tokens.Count, nextToken);
    }
}
