using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Sources;

/// <summary>One thing to read: a file, or standard input.</summary>
/// <param name="Path">The file's path as the user would recognise it; "-" for standard input.</param>
public sealed record InputItem(string Path)
{
    /// <summary>Whether this is standard input.</summary>
    public bool IsStdin => Path == "-";

    /// <summary>Whether this is a web address (http or https).</summary>
    public bool IsWebAddress => InputExpander.IsWebAddress(Path);
}

/// <summary>
/// Expands what the user named (files, folders searched recursively, glob patterns with <c>*</c>, <c>?</c> and
/// <c>**</c>, and <c>-</c> for standard input) into the files to read, in a stable order.
/// </summary>
public static class InputExpander
{
    /// <summary>
    /// File name endings read from folders, each also when gzip-compressed (<c>.jsonl.gz</c>); a file named directly is
    /// read whatever its name.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownExtensions = [".txt", ".jsonl", ".ndjson", ".html", ".htm", ".xml", ".rss", ".atom"];

    /// <summary>Whether an argument is an http or https address.</summary>
    public static bool IsWebAddress(string argument) =>
        argument.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The files to read, and a failure for each argument that names nothing readable.</summary>
    public static IEnumerable<object> Expand(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            if (argument == "-")
            {
                yield return new InputItem("-");
                continue;
            }

            if (IsWebAddress(argument))
            {
                if (seen.Add(argument))
                {
                    yield return new InputItem(argument);
                }

                continue;
            }

            IReadOnlyList<string> files;
            if (Directory.Exists(argument))
            {
                files = FilesUnder(argument);
                if (files.Count == 0)
                {
                    yield return new ReadFailed(argument, null, $"folder has no {string.Join(", ", KnownExtensions)} files");
                    continue;
                }
            }
            else if (File.Exists(argument))
            {
                files = [argument];
            }
            else if (argument.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                files = Glob(argument);
                if (files.Count == 0)
                {
                    yield return new ReadFailed(argument, null, "no files match this pattern");
                    continue;
                }
            }
            else
            {
                yield return new ReadFailed(argument, null, "no such file or folder");
                continue;
            }

            foreach (string file in files)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    yield return new InputItem(file);
                }
            }
        }
    }

    private static List<string> FilesUnder(string folder)
    {
        var files = new List<string>();
        foreach (string file in Walk(folder, recurse: true, FileAttributes.Hidden | FileAttributes.System))
        {
            string relative = Path.GetRelativePath(folder, file);
            string name = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;
            if (IsHidden(relative) || !KnownExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            files.Add(file);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>
    /// The files under <paramref name="root"/>, walking each real folder once. Links to folders are followed, but a
    /// link back to a folder already walked (a loop, or a second way to the same place) is not: the runtime's own
    /// recursion follows such loops until the path is too long, with a branching factor of the links per folder.
    /// </summary>
    private static IEnumerable<string> Walk(string root, bool recurse, FileAttributes skip)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = skip, RecurseSubdirectories = false };
        var visited = new HashSet<string>(StringComparer.Ordinal);

        // Each folder travels with its real path: a link's resolved target, else its parent's real path and its name.
        var pending = new Stack<(string Folder, string? Real)>();
        pending.Push((root, Resolve(new DirectoryInfo(root)) ?? Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))));
        while (pending.Count > 0)
        {
            (string folder, string? real) = pending.Pop();
            if (real is null || !visited.Add(real))
            {
                continue;
            }

            string[] files;
            DirectoryInfo[] subfolders;
            try
            {
                files = Directory.GetFiles(folder, "*", options);
                subfolders = recurse ? new DirectoryInfo(folder).GetDirectories("*", options) : [];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (string file in files)
            {
                yield return file;
            }

            Array.Sort(subfolders, (a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
            for (int i = subfolders.Length - 1; i >= 0; i--)
            {
                DirectoryInfo sub = subfolders[i];
                pending.Push((Path.Combine(folder, sub.Name), sub.LinkTarget is null ? Path.Combine(real, sub.Name) : Resolve(sub)));
            }
        }
    }

    // The folder a link finally points to; null for a link that loops on itself or points nowhere.
    private static string? Resolve(DirectoryInfo folder)
    {
        try
        {
            if (folder.LinkTarget is null)
            {
                return null;
            }

            FileSystemInfo? target = folder.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    // The folder part before the first wildcard is walked; the rest is matched as a pattern where "**" crosses
    // folders and "*" and "?" do not.
    private static List<string> Glob(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        int wildcard = normalized.AsSpan().IndexOfAny('*', '?');
        int slash = normalized.LastIndexOf('/', wildcard);
        string root = slash < 0 ? "." : normalized[..(slash + 1)];
        if (root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            return [];
        }

        Regex matcher = new(ToRegex(slash < 0 ? normalized : normalized[(slash + 1)..]), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var files = new List<string>();
        bool recurse = normalized.Contains("**", StringComparison.Ordinal) || normalized[(slash + 1)..].Contains('/', StringComparison.Ordinal);
        foreach (string file in Walk(root, recurse, FileAttributes.Hidden | FileAttributes.System))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (matcher.IsMatch(relative))
            {
                files.Add(slash < 0 ? relative : Path.Combine(root, relative));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.Append('$').ToString();
    }
}
