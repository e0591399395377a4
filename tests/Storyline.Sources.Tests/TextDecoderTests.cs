using System.Text;

namespace Storyline.Sources.Tests;

public sealed class TextDecoderTests
{
    private const string Sample = "Kim Jong Un — «Vladivostok» café";

    /// <summary>Bytes, and the text they must decode to.</summary>
    public static TheoryData<byte[], string> Decodable => new()
    {
        // UTF-8 without a byte-order mark: the common case.
        { Encoding.UTF8.GetBytes(Sample), Sample },

        // UTF-8 with a byte-order mark: the mark is not part of the text.
        { [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)], Sample },

        // UTF-16 little-endian with its mark (as Windows tools save "Unicode"); its NUL bytes are not binary.
        { [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)], Sample },

        // UTF-16 big-endian with its mark.
        { [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)], Sample },

        // Plain ASCII.
        { "date 2023-09-12\n\nBody."u8.ToArray(), "date 2023-09-12\n\nBody." },
    };

    [Theory]
    [MemberData(nameof(Decodable))]
    public void Decodes_text(byte[] bytes, string expected)
    {
        Assert.True(TextDecoder.TryDecode(bytes, out string text, out string reason), reason);
        Assert.Equal(expected, text);
        Assert.Empty(reason);
    }

    /// <summary>Bytes, and fragments the reason must contain.</summary>
    public static TheoryData<byte[], string[]> Refused => new()
    {
        // A lone 0xFF is never valid UTF-8; the reason gives its offset.
        { [.. "abc"u8, 0xFF, .. "def"u8], ["UTF-8", "byte 3"] },

        // Latin-1 "café": the é (0xE9) starts a sequence that is cut short.
        { [.. "caf"u8, 0xE9, .. " noir"u8], ["UTF-8", "byte 3"] },

        // After a byte-order mark, the offset still counts from the start of the file.
        { [0xEF, 0xBB, 0xBF, .. "ab"u8, 0xC0, 0x80], ["UTF-8", "byte 5"] },

        // Binary content: NUL bytes without a UTF-16 mark.
        { [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], ["binary"] },

        // Text with one NUL in it is still not read as text.
        { [.. "date 2023-09-12"u8, 0x00, .. "Body"u8], ["binary"] },

        // Nothing at all.
        { [], ["empty"] },

        // Only white space.
        { " \n\t\r\n "u8.ToArray(), ["empty", "white space"] },

        // Only a byte-order mark.
        { [0xEF, 0xBB, 0xBF], ["empty"] },

        // UTF-16 with an odd byte left over.
        { [0xFF, 0xFE, 0x41, 0x00, 0x42], ["UTF-16"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_is_not_text_and_says_why(byte[] bytes, string[] fragments)
    {
        Assert.False(TextDecoder.TryDecode(bytes, out string text, out string reason));
        Assert.Empty(text);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, reason, StringComparison.Ordinal);
        }
    }
}
