using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>Bad input gets a clear error that names the file and the reason; one bad file never stops the others.</summary>
public sealed class ErrorHandlingTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Bad_files_are_named_with_their_reason_and_the_good_ones_are_stored()
    {
        // Given a folder with two good reports and four bad inputs
        cli.Write("in/good.txt", "date 2023-09-12\n\nKim Jong Un arrived in Russia on Tuesday, officials said.");
        cli.Write("in/no-date.txt", "Kim Jong Un arrived in Russia on Tuesday.");
        cli.Write("in/bad-date.txt", "date 2023-02-30\n\nA report dated a day that does not exist.");
        cli.Write("in/feed.jsonl",
            "{\"date\":\"2023-09-13\",\"title\":\"Summit\",\"text\":\"Putin and Kim met at the cosmodrome.\"}\n" +
            "{\"title\":\"No date here\",\"text\":\"Body.\"}\n" +
            "{not json\n");

        // When they are ingested
        CliRun run = await cli.RunAsync("ingest", Path.Combine(cli.Folder, "in"), Path.Combine(cli.Folder, "missing.txt"));

        // Then the command says something failed, names each bad input with its reason, and stores the good ones
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no-date.txt: no date", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad-date.txt: date '2023-02-30' is not a valid YYYY-MM-DD date", run.Error, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:2: no date", run.Error, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:3: invalid JSON", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.txt: no such file or folder", run.Error, StringComparison.Ordinal);
        Assert.Contains("Read 2 reports: 2 new, 0 duplicate, 5 failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_can_come_from_standard_input()
    {
        CliRun run = await cli.RunWithStdinAsync("date 2023-09-12\n\nKim Jong Un arrived in Russia.", "ingest", "-", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.ParseJson().GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Listing_a_database_that_does_not_exist_says_so()
    {
        CliRun run = await cli.RunAsync("stories");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such database", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Db), "a listing must not create a database");
    }

    [Fact]
    public async Task An_unknown_story_is_an_error()
    {
        await cli.RunWithStdinAsync("date 2023-09-12\n\nKim Jong Un arrived in Russia.", "ingest", "-");
        CliRun run = await cli.RunAsync("story", "42");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no story 42", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_storyline_database_is_refused_untouched()
    {
        string db = cli.Write("test.db", "this is not SQLite at all");
        CliRun run = await cli.RunAsync("stories");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("test.db", run.Error, StringComparison.Ordinal);
        Assert.Equal("this is not SQLite at all", File.ReadAllText(db));
    }

    [Fact]
    public async Task Usage_errors_exit_with_two_and_say_what_is_wrong()
    {
        CliRun run = await cli.RunAsync("story", "not-a-number");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not-a-number", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    // A reader, a writer (which reads its input first) and the server: each says it in one line, exits 2, creates nothing.
    [InlineData("stories")]
    [InlineData("ingest -")]
    [InlineData("serve --port 0")]
    public async Task A_folder_given_as_the_archive_is_one_line_and_exit_2(string command)
    {
        Directory.CreateDirectory(cli.Db);

        CliRun run = await cli.RunWithStdinAsync("date 2023-09-12\n\nKim Jong Un arrived in Russia.", command.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {cli.Db}: is a folder, not an archive; --db takes a SQLite file (or a PostgreSQL address)", run.Error.TrimEnd());
        Assert.Empty(Directory.GetFileSystemEntries(cli.Db));
    }

    [Fact]
    public async Task Serving_an_archive_that_does_not_exist_is_refused_and_creates_none()
    {
        CliRun run = await cli.RunAsync("serve", "--port", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such database", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.Folder, "test.db*"));
    }

    [Fact]
    public async Task Ingesting_nothing_readable_into_a_new_archive_leaves_no_file_behind()
    {
        CliRun run = await cli.RunAsync("ingest", Path.Combine(cli.Folder, "nonexistent"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no such file or folder", run.Error, StringComparison.Ordinal);
        Assert.Contains("Read 0 reports", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.Folder, "test.db*"));
    }

    [Fact]
    public async Task Eval_quotes_names_a_broken_annotation_line_and_a_folder_of_no_known_layout()
    {
        // Given a Gender Gap Tracker folder whose annotations have a broken line, and a folder of neither layout
        cli.Write("ggt/rawtext/a.txt", "\"We won,\" she said.");
        cli.Write("ggt/annotations.jsonl", "{\"_id\": \"a\", \"quotations\": []}\n{not json\n");
        cli.Write("other/readme.txt", "nothing here");

        CliRun broken = await cli.RunAsync("eval", "quotes", "--data", Path.Combine(cli.Folder, "ggt"));
        CliRun other = await cli.RunAsync("eval", "quotes", "--data", Path.Combine(cli.Folder, "other"));

        // Then each is one line naming the file (and line) and the reason, exit 2, no stack trace
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("annotations.jsonl:2: not a Gender Gap Tracker article", broken.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", broken.Error, StringComparison.Ordinal);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("neither a PolNeAR split", other.Error, StringComparison.Ordinal);
    }
}
