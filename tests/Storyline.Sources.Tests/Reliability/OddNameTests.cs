using System.Diagnostics;
using System.Text;

namespace Storyline.Sources.Tests.Reliability;

/// <summary>
/// File names a careful program must survive: spaces, other scripts, a leading dash, a newline, the longest name the
/// file system allows, and links that loop. Each is read (or refused with its name, printed on one line) and the
/// others in the folder are read.
/// </summary>
public sealed class OddNameTests : IDisposable
{
    private const string Good = "date 2023-09-12\n\nKim Jong Un arrived in Vladivostok by armoured train.\n";

    private static readonly ReaderOptions Options = new() { Clock = FixedClock.Today };

    private readonly TempTree tree = new();

    public void Dispose() => tree.Dispose();

    private static async Task<List<ReadResult>> ReadAsync(params string[] inputs)
    {
        var results = new List<ReadResult>();
        await foreach (ReadResult result in new ReportSource(Options, () => Stream.Null).ReadAsync(inputs))
        {
            results.Add(result);
        }

        return results;
    }

    public static TheoryData<string> OddNames => new()
    {
        "with  two spaces .txt",
        "Ünïcødé — 名前 — عربي.txt",
        "-leading-dash.txt",
        "--help.txt",
        "new\nline.txt",
        "tab\tand\u001B[31mescape.txt",
        // The longest name ext4 allows: 255 bytes.
        new string('n', 251) + ".txt",
    };

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task A_file_with_an_odd_name_is_read_by_folder_and_by_name(string name)
    {
        if (OperatingSystem.IsWindows() && name.AsSpan().IndexOfAny('\n', '\t', '\u001B') >= 0)
        {
            return; // Windows forbids control characters in names.
        }

        string path = tree.Write("in/" + name, Good);

        List<ReadResult> byFolder = await ReadAsync(tree["in"]);
        List<ReadResult> byName = await ReadAsync(path);

        Assert.Equal(path, Assert.IsType<ReportRead>(Assert.Single(byFolder)).Report.Origin);
        Assert.Equal(path, Assert.IsType<ReportRead>(Assert.Single(byName)).Report.Origin);
    }

    [Fact]
    public async Task A_failure_for_a_name_with_control_characters_is_one_printable_line()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        tree.Write("in/bad\nname\u001B[2J.txt", "no date here");

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(await ReadAsync(tree["in"])));

        Assert.EndsWith("bad\\nname\\u001B[2J.txt", failed.Location, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.ToString());
        Assert.DoesNotContain('\u001B', failed.ToString());
    }

    [Fact]
    public async Task A_very_deep_path_is_read()
    {
        // 40 folders of 100 characters: a path of over 4,000 characters, near Linux's PATH_MAX.
        string relative = string.Join('/', Enumerable.Range(0, 40).Select(i => $"{i:D2}" + new string('d', 98))) + "/report.txt";
        string path;
        try
        {
            path = tree.Write(relative, Good);
        }
        catch (PathTooLongException)
        {
            return; // The file system does not allow it: nothing to read.
        }

        ReportRead read = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(tree.Root)));

        Assert.Equal(path, read.Report.Origin);
    }

    [Fact]
    public async Task Links_that_loop_neither_hang_nor_stop_the_other_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Symbolic links need privileges there.
        }

        // Given a folder that links to itself and to its parent, a file linked to itself, and a dangling link
        string good = tree.Write("in/good.txt", Good);
        Directory.CreateSymbolicLink(tree["in/self"], tree["in"]);
        tree.Folder("in/sub");
        Directory.CreateSymbolicLink(tree["in/sub/up"], tree.Root);
        File.CreateSymbolicLink(tree["in/loop.txt"], tree["in/loop.txt"]);
        File.CreateSymbolicLink(tree["in/dangling.txt"], tree["in/gone.txt"]);

        // When the folder is read (with a clock on it: a loop followed would never end)
        var clock = Stopwatch.StartNew();
        List<ReadResult> results = await ReadAsync(tree["in"], tree["in/loop.txt"]);

        // Then the good file is read once, and the looping link named directly is refused with the reason
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal([good], results.OfType<ReportRead>().Select(r => r.Report.Origin).Distinct());
        Assert.Contains(results.OfType<ReadFailed>(), f => f.Origin == tree["in/loop.txt"]);
    }

    [Fact]
    public async Task A_named_pipe_in_a_folder_does_not_block_the_read()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        string good = tree.Write("in/good.txt", Good);
        using (Process mkfifo = Process.Start("/usr/bin/mkfifo", tree["in/pipe.txt"]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var results = new List<ReadResult>();
        var source = new ReportSource(Options with { MaxReadTime = TimeSpan.FromSeconds(1) }, () => Stream.Null);
        var read = Task.Run(async () =>
        {
            await foreach (ReadResult result in source.ReadAsync([tree["in"]]))
            {
                results.Add(result);
            }
        });
        Task finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)));

        // Let the reader left waiting on the pipe go: a writer that opens it and closes it at once.
        await using (new FileStream(tree["in/pipe.txt"], FileMode.Open, FileAccess.Write))
        {
        }

        Assert.Same(read, finished);
        Assert.Equal([good], results.OfType<ReportRead>().Select(r => r.Report.Origin));
        ReadFailed failed = Assert.Single(results.OfType<ReadFailed>());
        Assert.Equal(tree["in/pipe.txt"], failed.Origin);
        Assert.StartsWith("not read within 1 s (ReaderOptions.MaxReadTime)", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_in_messages_keeps_its_letters()
    {
        var failed = new ReadFailed("Ünïcødé — 名前.txt", 3, "no date");

        Assert.Equal("Ünïcødé — 名前.txt:3: no date", failed.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount("Ünïcødé — 名前.txt"), Encoding.UTF8.GetByteCount(failed.Origin));
    }
}
