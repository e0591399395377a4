using System.Text;

namespace Storyline.Cli.Output;

/// <summary>
/// Standard output and standard error as the command writes them: every control character (C0, DEL and C1) is
/// dropped on the way to the terminal, except a line break and a tab, and a carriage return only where it ends a line
/// (CSV's CRLF). A report, page, feed or argument that holds an escape sequence (<c>ESC ]0;…BEL</c> retitles the
/// window, <c>ESC [2J</c> clears the screen, <c>ESC ]52;c;…</c> writes the clipboard, a lone CSI U+009B) prints
/// its visible characters only, whichever command printed it and however. Text for people has already been made one
/// line by <see cref="Screen.Clean"/>; this is the backstop for everything written directly (exports, messages).
/// JSON is untouched: its writer escapes every control character as <c>\uXXXX</c>.
/// </summary>
internal sealed class ControlFreeWriter(TextWriter inner) : TextWriter
{
    // A carriage return held back until the next character says whether it ends a line.
    private bool pendingReturn;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // the base setter accepts null (the default new line); so does this one
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <summary>Whether <paramref name="c"/> is never written: C0, DEL and C1, other than line feed, tab and carriage return.</summary>
    public static bool IsDropped(char c) => char.IsControl(c) && c is not '\n' and not '\t' and not '\r';

    public override void Write(char value)
    {
        if (pendingReturn)
        {
            pendingReturn = false;
            if (value == '\n')
            {
                inner.Write("\r\n");
                return;
            }
        }

        if (value == '\r')
        {
            pendingReturn = true;
        }
        else if (!IsDropped(value))
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // The common case, text with no control character but line breaks, goes through whole.
        if (!pendingReturn && value.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0 && value.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0)
        {
            inner.Write(value);
            return;
        }

        foreach (char c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Write(new string(buffer, index, count));
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    // The asynchronous forms write at once, in order (the terminal's writer is synchronous anyway).
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char value)
    {
        Write(value);
        WriteLine();
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        // A carriage return that no line feed followed is dropped: on a terminal it would move the cursor back.
        pendingReturn = false;
        inner.Flush();
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }
}
