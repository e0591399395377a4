using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Sources.Html;

/// <summary>
/// Turns a web page's bytes into text: a byte-order mark first, then the charset the server or the page declares,
/// then UTF-8 when the bytes are valid UTF-8, and Windows-1252 (the web's default for undeclared pages) otherwise.
/// </summary>
public static partial class HtmlDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static HtmlDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> is the HTTP Content-Type charset, where any.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        string? charset = declaredCharset;
        if (string.IsNullOrWhiteSpace(charset))
        {
            string head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            Match m = MetaCharset().Match(head);
            charset = m.Success ? m.Groups[1].Value : null;
        }

        if (TryUtf8(bytes, out string utf8))
        {
            // Pages that declare Latin-1 but are UTF-8 are common; valid multi-byte UTF-8 is rarely an accident.
            return utf8;
        }

        if (charset is not null)
        {
            try
            {
                Encoding declared = Encoding.GetEncoding(charset.Trim().Trim('"', '\''));
                if (declared.CodePage != Encoding.UTF8.CodePage)
                {
                    return declared.GetString(bytes);
                }
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall through to the web default.
            }
        }

        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
