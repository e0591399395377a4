using System.Text;
using Storyline.Stories;
using Storyline.Testing;

namespace Storyline.Core.Tests.Stories;

public sealed class WordIdfTests
{
    private static StoryFeatures Report(int n, string date, params string[] terms) => OnlineStoryClustererTests.Report(n, date, terms);

    // A table of 100 documents in which "said" is in 90 and "quake" in none.
    private static readonly WordIdf News = new(100, new Dictionary<string, int>(StringComparer.Ordinal) { ["said"] = 90, ["dam"] = 3 });

    [Fact]
    public void The_committed_table_is_the_one_built_into_the_program()
    {
        // Given models/stories/word-idf.tsv, as train stories wrote it
        string path = Path.Combine(TestPaths.RepoRoot, "models", "stories", "word-idf.tsv");

        // When it is read from the file and from the assembly
        WordIdf file = WordIdf.Load(path);
        WordIdf shipped = WordIdf.Shipped;

        // Then both are the same table of thousands of news bodies, in which "company" is common and "earthquake" rare
        Assert.Equal(file.Documents, shipped.Documents);
        Assert.Equal(file.Frequencies.OrderBy(p => p.Key, StringComparer.Ordinal), shipped.Frequencies.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.True(shipped.Documents > 10_000, $"{shipped.Documents} documents");
        Assert.True(shipped.Words > 10_000, $"{shipped.Words} words");
        Assert.True(shipped.Frequencies.Values.All(df => df >= 2));
        Assert.True(shipped.Idf("company") < shipped.Idf("earthquake"));
    }

    [Fact]
    public void A_table_written_and_read_back_is_the_same_table_and_the_same_bytes()
    {
        using var first = new MemoryStream();
        News.Write(first);
        WordIdf read = WordIdf.Read(new StringReader(Encoding.UTF8.GetString(first.ToArray())), "test table");
        using var second = new MemoryStream();
        read.Write(second);

        Assert.Equal("documents\t100\ndam\t3\nsaid\t90\n", Encoding.UTF8.GetString(first.ToArray()));
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(100, read.Documents);
        Assert.Equal(90, read.Frequency("said"));
    }

    [Fact]
    public void Counting_keeps_words_in_enough_documents_and_leaves_names_out()
    {
        StoryFeatures?[] documents = [Report(1, "2023-01-01", "dam", "said", "@derna"), Report(2, "2023-01-01", "said", "said"), null];

        WordIdf table = WordIdf.Count(documents, minDocuments: 2);

        Assert.Equal(2, table.Documents);
        Assert.Equal(new Dictionary<string, int> { ["said"] = 2 }, table.Frequencies);
    }

    [Fact]
    public void A_table_fixes_the_words_idf_where_the_reports_so_far_would_move_it()
    {
        // Given four reports that all have the topic word "quake" and one that also has the common "said"
        StoryFeatures[] stream = [.. Enumerable.Range(1, 4).Select(n => Report(n, "2023-02-06", n == 1 ? ["quake", "said", "@turkey"] : ["quake", "@turkey"]))];
        var soFar = new StoryVocabulary();
        var fixedIdf = new StoryVocabulary(News);

        // When both vocabularies count them
        foreach (StoryVocabulary vocabulary in new[] { soFar, fixedIdf })
        {
            foreach (StoryFeatures report in stream)
            {
                vocabulary.CountReport([.. report.Terms.Select(t => vocabulary.Id(t.Term))]);
            }
        }

        // Then over the reports so far the topic word, in every report, weighs least, and the word in one weighs more;
        // from the table the topic word (in no news document) weighs most and the common word little, whatever the
        // stream says; the name keeps the idf of the reports so far under both
        double Idf(StoryVocabulary vocabulary, string term) => vocabulary.Idf(vocabulary.Find(term));
        Assert.Equal(1.0, Idf(soFar, "quake"), 12);
        Assert.Equal(Math.Log(5.0 / 2.0) + 1, Idf(soFar, "said"), 12);
        Assert.Equal(Math.Log(101.0) + 1, Idf(fixedIdf, "quake"), 12);
        Assert.Equal(Math.Log(101.0 / 91.0) + 1, Idf(fixedIdf, "said"), 12);
        Assert.True(Idf(fixedIdf, "quake") > Idf(soFar, "quake") && Idf(fixedIdf, "said") < Idf(soFar, "said"));
        Assert.Equal(Idf(soFar, "@turkey"), Idf(fixedIdf, "@turkey"));
    }

    [Theory]
    [InlineData("", "line 1: not a word idf table")]
    [InlineData("words\t10\n", "line 1: not a word idf table")]
    [InlineData("documents\t10\nsaid\n", "line 2: not 'word<TAB>documents'")]
    [InlineData("documents\t10\nsaid\t11\n", "line 2: not 'word<TAB>documents' with 1 to 10 documents")]
    [InlineData("documents\t10\nsaid\t2\ndam\tmany\n", "line 3: not 'word<TAB>documents'")]
    [InlineData("documents\t10\nsaid\t2\nsaid\t3\n", "line 3: 'said' is listed twice")]
    public void A_broken_table_is_refused_with_its_name_the_line_and_why(string text, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => WordIdf.Read(new StringReader(text), "models/stories/word-idf.tsv"));

        Assert.StartsWith("models/stories/word-idf.tsv: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_table_is_refused_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "word-idf.tsv");

        var error = Assert.Throws<FileNotFoundException>(() => WordIdf.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
