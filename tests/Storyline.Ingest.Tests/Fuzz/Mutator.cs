using System.IO.Compression;
using System.Text;

namespace Storyline.Ingest.Tests.Fuzz;

/// <summary>
/// Makes fuzz inputs: real text (the sample, the seeds, the HTML fixtures) mutated in ways that break readers and
/// analysers — characters that are rare or invalid, markup and quote marks out of place, slices cut, repeated or
/// spliced from another text — and random text and bytes. Every input is a function of (seed, index) alone, so a
/// failure is reproduced from the two numbers the test prints.
/// </summary>
internal static class Mutator
{
    // Characters that have broken text code before: quote marks of every kind, dashes, controls, a lone surrogate of
    // each half, a combining mark, bidi controls, zero-width ones, a line separator, an emoji (a surrogate pair).
    private static readonly string[] Odd =
    [
        "\"", "'", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "\u201E", "`", "\u2013", "\u2014", "-",
        "\0", "\r", "\n", "\n\n", "\t", "\u000B", "\u000C", "\u0085", "\u2028", "\u2029", "\uD800", "\uDC00", "\u0301",
        "\u202E", "\u200B", "\u200D", "\uFEFF", "\uFFFD", "\U0001F600", "\u00A0", " ", ".", "?", "!", ":", ";", ",",
        "(", ")", "[", "]", "<", ">", "&", "{", "}", "\\", "/", "#", "%", "0", "9", "A", "z", "\u0130", "\u00DF", "\u05D0",
        "\u4E2D", "\u0627",
    ];

    // Words and fragments the stages react to: abbreviations, names, cues, time expressions, markup, JSON.
    private static readonly string[] Fragments =
    [
        "Mr.", "Mrs ", "Dr.", "U.S.", "e.g.", "No.", "St.", " Jan. ", "p.m.", "Kim Jong Un", "Kim", "Putin", "Peskov",
        "North Korea's", "Vladivostok, Russia: ", "VLADIVOSTOK \u2014 ", "said", " told reporters ", "according to ",
        "denied", "is expected to", "may", "reportedly", "on Monday", "last week", "next Friday", "yesterday",
        "two days later", "in 1999", "2023-13-45", "2023-09-12", "12:30", "the 1990s", "week 53", "Q4", "31 February",
        "99999999999999999999", "1e309", "-0", "3 1/2", "\u00BD", "</div>", "<div>", "<p>", "</p>", "<br>", "<script>",
        "</script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#xD800;", "&#0;", "&#x110000;", "&nbsp;", "<?xml",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<item>", "</item>", "<entry>", "{\"date\":", "\"text\":", "}", "date ",
        "date 2023-09-12\n\n", "\u201CWe will\u201D, he said.", "\"", "' ", "...", "\u2026", "...\"",
    ];

    public static Random RandomFor(int seed, int index) => new(unchecked((seed * 1_000_003) + index));

    /// <summary>A mutation of <paramref name="text"/>: between one and eight edits.</summary>
    public static string Mutate(Random random, string text, IReadOnlyList<string> others)
    {
        var sb = new StringBuilder(text);
        int edits = 1 + random.Next(8);
        for (int e = 0; e < edits; e++)
        {
            int at = sb.Length == 0 ? 0 : random.Next(sb.Length + 1);
            switch (random.Next(10))
            {
                case 0:
                case 1:
                    // A run of odd characters, inserted or overwriting.
                    for (int n = 1 + random.Next(4); n > 0; n--)
                    {
                        string odd = Odd[random.Next(Odd.Length)];
                        if (random.Next(2) == 0 && at < sb.Length)
                        {
                            sb.Remove(at, 1);
                        }

                        sb.Insert(Math.Min(at, sb.Length), odd);
                    }

                    break;
                case 2:
                case 3:
                    sb.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 4:
                    // Cut a slice.
                    if (sb.Length > 0)
                    {
                        int length = random.Next(Math.Min(sb.Length - Math.Min(at, sb.Length), 1 + random.Next(2000)) + 1);
                        sb.Remove(Math.Min(at, sb.Length), Math.Min(length, sb.Length - Math.Min(at, sb.Length)));
                    }

                    break;
                case 5:
                    // Repeat a short slice many times: the shape of pathological input (a thousand quote marks).
                    if (sb.Length > 0)
                    {
                        int from = random.Next(sb.Length);
                        string slice = sb.ToString(from, Math.Min(1 + random.Next(12), sb.Length - from));
                        sb.Insert(at, string.Concat(Enumerable.Repeat(slice, 1 + random.Next(400))));
                    }

                    break;
                case 6:
                    // Splice with another text.
                    string other = others[random.Next(others.Count)];
                    int cut = random.Next(other.Length + 1);
                    sb.Length = Math.Min(at, sb.Length);
                    sb.Append(other, cut, other.Length - cut);
                    break;
                case 7:
                    // Change case or white space over a stretch.
                    for (int i = at; i < Math.Min(sb.Length, at + random.Next(300)); i++)
                    {
                        char c = sb[i];
                        sb[i] = char.IsWhiteSpace(c) ? " \n\t\u00A0"[random.Next(4)] : random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                    }

                    break;
                case 8:
                    sb.Length = Math.Min(at, sb.Length);
                    break;
                default:
                    sb.Insert(at, RandomText(random, random.Next(40)));
                    break;
            }

            if (sb.Length > 200_000)
            {
                sb.Length = 200_000;
            }
        }

        return sb.ToString();
    }

    /// <summary>Random text: mostly letters and spaces, with punctuation, odd characters and fragments.</summary>
    public static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            int kind = random.Next(20);
            sb.Append(kind switch
            {
                0 => Odd[random.Next(Odd.Length)],
                1 => Fragments[random.Next(Fragments.Length)],
                2 or 3 or 4 => " ",
                5 => ((char)random.Next(0x20, 0x7F)).ToString(),
                6 => char.ConvertFromUtf32(random.Next(0x00A0, 0xD7FF)),
                7 => ((char)('A' + random.Next(26))).ToString(),
                _ => ((char)('a' + random.Next(26))).ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Text as a reader meets it on disk: UTF-8 with or without a mark, UTF-16, gzip, or bytes changed at random.</summary>
    public static byte[] Encode(Random random, string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        switch (random.Next(8))
        {
            case 0:
                return [0xEF, 0xBB, 0xBF, .. utf8];
            case 1:
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];
            case 2:
                return [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)];
            case 3:
                byte[] gz = Gzip(utf8);
                if (random.Next(3) == 0 && gz.Length > 12)
                {
                    gz[10 + random.Next(gz.Length - 10)] ^= (byte)(1 + random.Next(255));
                }

                return gz;
            case 4:
                for (int n = 1 + random.Next(6); n > 0 && utf8.Length > 0; n--)
                {
                    utf8[random.Next(utf8.Length)] = (byte)random.Next(256);
                }

                return utf8;
            case 5:
                byte[] noise = new byte[random.Next(4096)];
                random.NextBytes(noise);
                return noise;
            default:
                return utf8;
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
