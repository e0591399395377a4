using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Storyline.Storage;

/// <summary>
/// Rows as a JSON array for one <c>INSERT … SELECT … FROM json_each(…)</c> statement: an array of arrays (one per
/// row, its values in column order), or a flat array of single values. Written with a <see cref="Utf8JsonWriter"/>
/// into a buffer kept per thread, without reflection or boxing. Statements read them as <c>json_each(jsonb($rows))</c>:
/// the text is parsed once into SQLite's binary form, and the columns of each row are taken from that.
/// </summary>
internal static class JsonRows
{
    // Strings are what SQLite's JSON functions decode: escaping HTML characters or all of non-ASCII would only add work.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    /// <summary>
    /// The JSON array of <paramref name="rows"/>: each written by <paramref name="write"/> inside an array of its own, or
    /// as it is where <paramref name="flat"/>.
    /// </summary>
    public static string Write<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> write, bool flat = false)
    {
        ArrayBufferWriter<byte> output = buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        output.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartArray();
            foreach (T row in rows)
            {
                if (!flat)
                {
                    writer.WriteStartArray();
                }

                write(writer, row);
                if (!flat)
                {
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes <paramref name="value"/>, or null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
