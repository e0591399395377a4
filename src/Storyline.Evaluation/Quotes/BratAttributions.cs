using System.Globalization;
using Storyline.Domain;

namespace Storyline.Evaluation.Quotes;

/// <summary>One attribution as brat standoff gives it: content, cue and source spans (any may be missing).</summary>
/// <param name="Content">The attributed words.</param>
/// <param name="Cue">The reporting words.</param>
/// <param name="Source">Who it is attributed to.</param>
/// <param name="Direct">Whether the content is a direct quote (it opens with a quotation mark).</param>
public sealed record BratAttribution(TextSpan? Content, TextSpan? Cue, TextSpan? Source, bool Direct);

/// <summary>A PolNeAR article: its text and its gold attributions.</summary>
/// <param name="Name">The file name without extension.</param>
/// <param name="Text">The raw text the offsets point into.</param>
/// <param name="Attributions">Gold attributions.</param>
public sealed record AttributionDocument(string Name, string Text, IReadOnlyList<BratAttribution> Attributions);

/// <summary>
/// Reads PolNeAR (brat standoff): <c>text/NAME.txt</c> and <c>attributions/NAME_ANNOTATOR.ann</c>, where
/// <c>T</c> lines are Source / Cue / Content spans (a discontinuous span "a b;c d" is read as its hull) and
/// <c>E</c> lines (Attribution, Attribution-no-source) tie them together. PolNeAR does not label direct quotes; a gold
/// attribution is direct when its content, trimmed, opens with a quotation mark. Where several annotators did one
/// article, the first annotation file (in name order) is used.
/// </summary>
public static class PolnearReader
{
    private static readonly char[] OpeningMarks = ['"', '\u201C', '\u2018', '\''];

    /// <summary>Every article in <paramref name="folder"/> (the folder with text/ and attributions/), in name order.</summary>
    public static IEnumerable<AttributionDocument> ReadFolder(string folder, int limit = int.MaxValue)
    {
        string textDir = Path.Combine(folder, "text");
        string annDir = Path.Combine(folder, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
        {
            throw new DirectoryNotFoundException($"{folder}: expected text/ and attributions/ (PolNeAR layout)");
        }

        var annotations = Directory.GetFiles(annDir, "*.ann").Order(StringComparer.Ordinal).ToList();
        int count = 0;
        foreach (string textFile in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            if (count++ >= limit)
            {
                yield break;
            }

            string name = Path.GetFileNameWithoutExtension(textFile);
            string? ann = annotations.FirstOrDefault(a => Path.GetFileName(a).StartsWith(name + "_", StringComparison.Ordinal));
            string text = File.ReadAllText(textFile);
            yield return new AttributionDocument(name, text, ann is null ? [] : Parse(text, File.ReadAllLines(ann)));
        }
    }

    /// <summary>The attributions of one .ann file, whose offsets point into <paramref name="text"/>.</summary>
    public static IReadOnlyList<BratAttribution> Parse(string text, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        var spans = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        var events = new List<string>();
        foreach (string line in lines)
        {
            string[] fields = line.Split('\t');
            if (fields.Length < 2)
            {
                continue;
            }

            if (line.StartsWith('T'))
            {
                string[] typeAndRanges = fields[1].Split(' ', 2);
                if (typeAndRanges.Length == 2 && TryHull(typeAndRanges[1], out TextSpan span))
                {
                    spans[fields[0]] = span;
                }
            }
            else if (line.StartsWith('E'))
            {
                events.Add(fields[1]);
            }
        }

        var result = new List<BratAttribution>();
        foreach (string e in events)
        {
            string[] args = e.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (args.Length == 0 || !args[0].StartsWith("Attribution", StringComparison.Ordinal))
            {
                continue;
            }

            TextSpan? content = null, cue = null, source = null;
            foreach (string arg in args.Skip(1))
            {
                int colon = arg.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !spans.TryGetValue(arg[(colon + 1)..], out TextSpan span))
                {
                    continue;
                }

                string role = arg[..colon];
                if (role.StartsWith("Content", StringComparison.Ordinal))
                {
                    content = Hull(content, span);
                }
                else if (role.StartsWith("Cue", StringComparison.Ordinal))
                {
                    cue = Hull(cue, span);
                }
                else if (role.StartsWith("Source", StringComparison.Ordinal))
                {
                    source = Hull(source, span);
                }
            }

            if (content is not null || cue is not null)
            {
                bool direct = content is TextSpan c && c.End <= text.Length && text.AsSpan(c.Start, c.Length).TrimStart().IndexOfAny(OpeningMarks) == 0;
                result.Add(new BratAttribution(content, cue, source, direct));
            }
        }

        return result;
    }

    /// <summary>Writes attributions as brat standoff lines (T Source/Cue/Content, then E Attribution).</summary>
    public static IEnumerable<string> Format(string text, IEnumerable<BratAttribution> attributions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(attributions);
        int t = 0, e = 0;
        foreach (BratAttribution a in attributions)
        {
            var roles = new List<string>();
            foreach ((string role, TextSpan? span) in new[] { ("Source", a.Source), ("Cue", a.Cue), ("Content", a.Content) })
            {
                if (span is TextSpan s)
                {
                    t++;
                    yield return string.Create(CultureInfo.InvariantCulture, $"T{t}\t{role} {s.Start} {s.End}\t{OneLine(text, s)}");
                    roles.Add($"{role}:T{t}");
                }
            }

            if (a.Cue is TextSpan cue)
            {
                t++;
                e++;
                string type = a.Source is null ? "Attribution-no-source" : "Attribution";
                yield return string.Create(CultureInfo.InvariantCulture, $"T{t}\t{type} {cue.Start} {cue.End}\t{OneLine(text, cue)}");
                yield return string.Create(CultureInfo.InvariantCulture, $"E{e}\t{type}:T{t} {string.Join(' ', roles)}");
            }
        }
    }

    private static string OneLine(string text, TextSpan span) => span.ToString(text).Replace('\n', ' ').Replace('\t', ' ');

    private static TextSpan Hull(TextSpan? a, TextSpan b) =>
        a is TextSpan x ? TextSpan.FromBounds(Math.Min(x.Start, b.Start), Math.Max(x.End, b.End)) : b;

    private static bool TryHull(string ranges, out TextSpan span)
    {
        span = default;
        int start = int.MaxValue, end = -1;
        foreach (string range in ranges.Split(';'))
        {
            string[] bounds = range.Trim().Split(' ');
            if (bounds.Length != 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int s)
                || !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out int en))
            {
                return false;
            }

            start = Math.Min(start, s);
            end = Math.Max(end, en);
        }

        if (end < start)
        {
            return false;
        }

        span = TextSpan.FromBounds(start, end);
        return true;
    }
}
