using System.Runtime.InteropServices;
using Storyline.Domain;

namespace Storyline.Ingest;

/// <summary>
/// The reports of one ingest run, kept in a temporary file while the run reads them, so that a run's memory does not
/// grow with its input: what stays in memory is one small key per report (its date, place in the input, id and
/// offset in the file). The file is deleted when the spill is disposed, and by the system if the process dies.
/// </summary>
internal sealed class ReportSpill : IDisposable
{
    private readonly FileStream file;
    private readonly BinaryWriter writer;
    private readonly BinaryReader reader;

    public ReportSpill()
    {
        string path = Path.Combine(Path.GetTempPath(), "storyline-ingest-" + Guid.NewGuid().ToString("N") + ".spill");
        file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true);
        reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Appends <paramref name="report"/>; returns its offset, for <see cref="Read"/>.</summary>
    public long Write(SourceReport report)
    {
        file.Seek(0, SeekOrigin.End);
        long offset = file.Position;
        WriteText(report.Origin);
        WriteOptional(report.Line is int line ? line : null);
        writer.Write(report.Published.DayNumber);
        WriteText(report.Text);
        WriteOptional(report.Title);
        WriteOptional(report.Url);
        WriteOptional(report.Outlet);
        WriteOptional(report.ExternalId);
        WriteOptional(report.Author);
        writer.Write(report.Paywalled);
        return offset;
    }

    /// <summary>The report written at <paramref name="offset"/>, equal to the one written.</summary>
    public SourceReport Read(long offset)
    {
        writer.Flush();
        file.Seek(offset, SeekOrigin.Begin);
        string origin = ReadText();
        int? line = reader.ReadBoolean() ? reader.ReadInt32() : null;
        DateOnly published = DateOnly.FromDayNumber(reader.ReadInt32());
        string text = ReadText();
        return new SourceReport(origin, line, published, text, ReadOptional(), ReadOptional(), ReadOptional(), ReadOptional(), ReadOptional(), reader.ReadBoolean());
    }

    public void Dispose()
    {
        reader.Dispose();
        writer.Dispose();
        file.Dispose();
    }

    // UTF-16 as it is in memory, not UTF-8: a lone surrogate (JSON allows "\ud800") must come back unchanged.
    private void WriteText(string value)
    {
        writer.Write(value.Length);
        writer.Write(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private string ReadText()
    {
        int length = reader.ReadInt32();
        return string.Create(length, reader, static (chars, r) =>
        {
            Span<byte> bytes = MemoryMarshal.AsBytes(chars);
            r.BaseStream.ReadExactly(bytes);
        });
    }

    private void WriteOptional(string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            WriteText(value);
        }
    }

    private void WriteOptional(int? value)
    {
        writer.Write(value.HasValue);
        if (value is int v)
        {
            writer.Write(v);
        }
    }

    private string? ReadOptional() => reader.ReadBoolean() ? ReadText() : null;
}
