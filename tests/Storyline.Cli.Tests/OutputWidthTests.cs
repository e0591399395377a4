using System.Text.Json;
using Storyline.Cli.Output;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>
/// Text output is whole lines at any width: piped or redirected nothing is wrapped; in a terminal prose wraps at
/// spaces and numbers, dates, names and keys are never split.
/// </summary>
public sealed class OutputWidthTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<int?> Widths => new() { 20, 40, 80, 200, null };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Entity_rows_keep_every_name_date_number_and_key_on_one_line(int? width)
    {
        // Given the sample archive (was: `entities | cat` split "2023-09-1" / "1" and "Organizat" / "ion")
        await cli.RunAsync("ingest", TestPaths.Samples);
        JsonElement entities = (await cli.RunAsync("entities", "--limit", "30", "--json")).ParseJson();

        // When the list is printed at this width
        cli.Width = width;
        CliRun run = await cli.RunAsync("entities", "--limit", "30");

        // Then each entity is one line holding its name, type label, counts, dates and key, each whole
        string[] lines = run.Output.Split('\n');
        foreach (JsonElement e in entities.EnumerateArray())
        {
            string key = e.GetProperty("key").GetString()!;
            string line = Assert.Single(lines, l => l.TrimEnd().EndsWith("  " + key, StringComparison.Ordinal));
            Assert.Contains(e.GetProperty("name").GetString()!, line, StringComparison.Ordinal);
            Assert.Contains(e.GetProperty("firstSeen").GetString()!, line, StringComparison.Ordinal);
            Assert.Contains(e.GetProperty("lastSeen").GetString()!, line, StringComparison.Ordinal);
            Assert.Contains(" " + e.GetProperty("mentions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(lines, l => l.Contains("Organizat", StringComparison.Ordinal) && !l.Contains("Organisation", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_story_printed_at_any_width_splits_no_word(int? width)
    {
        // Given the seeds' story, printed as one line per row (redirected) as the reference
        await cli.RunWithStdinAsync("date 2023-09-12\n\nNorth Korean leader Kim Jong-un arrived in Russia on Tuesday, the Kremlin spokesperson Dmitry Peskov said, ahead of a meeting in Vladivostok on 2023-09-13.", "ingest", "-");
        CliRun whole = await cli.RunAsync("story", "1");
        var words = Words(whole.Output);

        // When it is printed at this width
        cli.Width = width;
        CliRun run = await cli.RunAsync("story", "1");

        // Then it has the same words (a word cut in two would be two other words); redirected, the same lines
        Assert.Equal(words, Words(run.Output));
        if (width is null)
        {
            Assert.Equal(whole.Output, run.Output);
        }
        else
        {
            Assert.True(run.Output.Split('\n').Length >= whole.Output.Split('\n').Length);
        }
    }

    public static TheoryData<int?> TableWidths => new() { 20, 40, 80, 200, null };

    [Theory]
    [MemberData(nameof(TableWidths))]
    public void A_table_wraps_only_its_prose_columns_at_spaces(int? width)
    {
        // Given a table of a date, a number, a key and a long sentence
        string sentence = "Kim Jong Un's armoured train crossed into Russia at Khasan on Tuesday morning, officials said.";
        var table = new TextTable("Timeline").Column("Date").Column("Sources", Cell.Number).Column("Key").Column("What happened", Cell.Prose);
        table.Row("2023-09-12", "12345", "kim jong un|visit", sentence);

        // When it is rendered
        IReadOnlyList<string> lines = table.Render(width);

        // Then the date, number and key are whole on the first row's line, every word of the sentence is whole,
        // and without a width the row is one line
        string first = lines[3];
        Assert.Contains("2023-09-12", first, StringComparison.Ordinal);
        Assert.Contains("12345", first, StringComparison.Ordinal);
        Assert.Contains("kim jong un|visit", first, StringComparison.Ordinal);
        Assert.Equal(sentence.Split(' '), string.Join(' ', lines.Skip(3)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(5)); // date, number and the key's three words
        if (width is null)
        {
            Assert.Equal(4, lines.Count);
        }
        else if (width >= 200)
        {
            Assert.Equal(4, lines.Count);
        }
        else
        {
            Assert.True(lines.Count > 4, "a narrow terminal wraps the sentence");
        }
    }

    [Theory]
    // Eval tables: numbers right-aligned and never wrapped (was "0.8" / "800").
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(null)]
    public void Numbers_are_never_wrapped(int? width)
    {
        var table = new TextTable("eval ner").Column(string.Empty, Cell.Prose).Column("precision", Cell.Number).Column("recall", Cell.Number).Column("f1", Cell.Number);
        table.Row("all entity types together", "0.8800", "0.8123", "0.8447");

        IReadOnlyList<string> lines = table.Render(width);

        Assert.Contains(lines, l => l.Contains("0.8800", StringComparison.Ordinal) && l.Contains("0.8123", StringComparison.Ordinal) && l.Contains("0.8447", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_from_a_report_never_reach_the_terminal_as_such()
    {
        Assert.Equal("line one line two  tab", Screen.Clean("line one\nline two\t\ttab"));
        Assert.Equal("bell", Screen.Clean("be\all"));
    }

    // The words of the text in order of their characters (rows wrap, so the order of words across columns changes).
    private static List<string> Words(string text) => [.. text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(c => c is '-' or '=')).Order(StringComparer.Ordinal)];
}
