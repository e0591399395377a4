namespace Storyline.Sources.Tests;

public sealed class InputExpanderTests : IDisposable
{
    private readonly TempTree tree = new();

    public InputExpanderTests()
    {
        // Readable files at several depths, in an order that is not the ordinal one when written.
        tree.Write("a.txt", "date 2023-09-12\n\nA.");
        tree.Write("B.txt", "date 2023-09-12\n\nB.");
        tree.Write("b.jsonl", "{\"date\":\"2023-09-12\",\"text\":\"b\"}");
        tree.Write("c.NDJSON", "{\"date\":\"2023-09-12\",\"text\":\"c\"}");
        tree.Write("sub1/x.txt", "date 2023-09-12\n\nsub1 x.");
        tree.Write("sub2/x.txt", "date 2023-09-12\n\nsub2 x.");
        tree.Write("sub2/deep/y.txt", "date 2023-09-12\n\ndeep y.");
        tree.Write("subway/x.txt", "date 2023-09-12\n\nsubway x.");

        // Files a folder walk must skip: other extensions, hidden files, files in hidden folders.
        tree.Write("notes.md", "date 2023-09-12\n\nNot a report file.");
        tree.Write("report.txt.bak", "date 2023-09-12\n\nBackup.");
        tree.Write(".hidden.txt", "date 2023-09-12\n\nHidden.");
        tree.Write(".git/x.txt", "date 2023-09-12\n\nIn a hidden folder.");
        tree.Write("sub2/.cache/z.txt", "date 2023-09-12\n\nIn a nested hidden folder.");
    }

    public void Dispose() => tree.Dispose();

    private List<object> Expand(params string[] arguments) => [.. InputExpander.Expand(arguments)];

    private List<string> Files(IEnumerable<object> items) =>
        [.. items.Select(i => tree.Relative(Assert.IsType<InputItem>(i).Path))];

    [Fact]
    public void A_folder_gives_its_report_files_recursively_in_ordinal_order()
    {
        List<object> items = Expand(tree.Root);

        Assert.Equal(
            ["B.txt", "a.txt", "b.jsonl", "c.NDJSON", "sub1/x.txt", "sub2/deep/y.txt", "sub2/x.txt", "subway/x.txt"],
            Files(items));
    }

    [Fact]
    public void A_file_named_directly_is_read_whatever_its_extension()
    {
        Assert.Equal(["notes.md"], Files(Expand(tree["notes.md"])));
        Assert.Equal(["report.txt.bak"], Files(Expand(tree["report.txt.bak"])));
        Assert.Equal([".hidden.txt"], Files(Expand(tree[".hidden.txt"])));
    }

    /// <summary>A glob relative to the tree, and the files it must give.</summary>
    public static TheoryData<string, string[]> Globs => new()
    {
        // "*" in one folder: only that folder, and no hidden files.
        { "*.txt", ["B.txt", "a.txt"] },

        // "**" crosses folders, and matches the top folder too.
        { "**/*.txt", ["B.txt", "a.txt", "sub1/x.txt", "sub2/deep/y.txt", "sub2/x.txt", "subway/x.txt"] },

        // "?" is exactly one character: "subway" does not match "sub?".
        { "sub?/x.txt", ["sub1/x.txt", "sub2/x.txt"] },

        // A wildcard in a folder name and "**" below it.
        { "sub*/**/*.txt", ["sub1/x.txt", "sub2/deep/y.txt", "sub2/x.txt", "subway/x.txt"] },

        // A glob finds files of any extension.
        { "*.md", ["notes.md"] },

        // "*" does not cross a folder.
        { "sub2/*", ["sub2/x.txt"] },
    };

    [Theory]
    [MemberData(nameof(Globs))]
    public void A_glob_gives_the_matching_files_in_ordinal_order(string glob, string[] expected)
    {
        List<object> items = Expand(Path.Combine(tree.Root, glob));

        Assert.Equal(expected, Files(items));
    }

    [Fact]
    public void A_missing_path_is_a_failure_that_names_it()
    {
        string missing = tree["nope.txt"];

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(Expand(missing)));

        Assert.Equal(missing, failed.Origin);
        Assert.Contains("no such file or folder", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_a_failure()
    {
        string glob = Path.Combine(tree.Root, "*.xml");

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(Expand(glob)));

        Assert.Equal(glob, failed.Origin);
        Assert.Contains("no files match", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glob_under_a_missing_folder_is_a_failure()
    {
        string glob = Path.Combine(tree.Root, "missing", "*.txt");

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(Expand(glob)));

        Assert.Contains("no files match", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_a_failure()
    {
        string empty = tree.Folder("empty");
        tree.Write("only-others/readme.md", "not read");

        List<object> items = Expand(empty, tree["only-others"]);

        Assert.All(items, i => Assert.Contains("folder has no .txt, .jsonl, .ndjson, .html, .htm, .xml, .rss, .atom files", Assert.IsType<ReadFailed>(i).Reason, StringComparison.Ordinal));
        Assert.Equal([empty, tree["only-others"]], items.Select(i => ((ReadFailed)i).Origin));
    }

    [Fact]
    public void A_file_named_twice_is_given_once()
    {
        // Given a.txt named directly, again by another spelling of its path, and through its folder and a glob
        string spelledAgain = Path.Combine(tree.Root, "sub1", "..", "a.txt");

        List<object> items = Expand(tree["a.txt"], spelledAgain, tree.Root, Path.Combine(tree.Root, "*.txt"));

        // Then it comes once, at its first naming, and the folder gives the rest
        List<string> files = Files(items);
        Assert.Equal("a.txt", files[0]);
        Assert.Single(files, f => f == "a.txt");
        Assert.Equal(files.Count, files.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(8, files.Count);
    }

    [Fact]
    public void A_dash_is_standard_input_each_time_it_is_named()
    {
        List<object> items = Expand("-", tree["a.txt"]);

        Assert.True(Assert.IsType<InputItem>(items[0]).IsStdin);
        Assert.False(Assert.IsType<InputItem>(items[1]).IsStdin);
    }

    [Fact]
    public void A_web_address_is_an_input_to_fetch()
    {
        InputItem item = Assert.IsType<InputItem>(Assert.Single(Expand("https://example.com/news.html", "https://example.com/news.html")));

        Assert.True(item.IsWebAddress);
    }
}
