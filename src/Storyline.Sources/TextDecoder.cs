using System.Text;

namespace Storyline.Sources;

/// <summary>Turns a file's bytes into text, or says why they are not text.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark. Empty input, binary
    /// content (NUL bytes without a UTF-16 mark) and invalid UTF-8 are refused with a reason.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string reason)
    {
        text = string.Empty;
        if (bytes.IsEmpty)
        {
            reason = "empty file";
            return false;
        }

        Encoding? encoding = null;
        int skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            skip = 3;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }

        ReadOnlySpan<byte> payload = bytes[skip..];
        if (encoding is null && payload.IndexOf((byte)0) >= 0)
        {
            reason = "binary file (contains NUL bytes), not text";
            return false;
        }

        try
        {
            text = (encoding ?? StrictUtf8).GetString(payload);
        }
        catch (DecoderFallbackException ex)
        {
            string where = ex.Index >= 0 ? $" at byte {ex.Index + skip}" : string.Empty;
            reason = encoding is null ? $"not valid UTF-8 text{where}" : $"not valid UTF-16 text{where}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            // A refusal gives no text, as every other refusal here does.
            text = string.Empty;
            reason = "empty file (only white space)";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
