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
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        foreach (string file in Directory.EnumerateFiles(folder, "*", options))
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
        var options = new EnumerationOptions { RecurseSubdirectories = normalized.Contains("**", StringComparison.Ordinal) || normalized[(slash + 1)..].Contains('/', StringComparison.Ordinal), IgnoreInaccessible = true };
        foreach (string file in Directory.EnumerateFiles(root, "*", options))
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
