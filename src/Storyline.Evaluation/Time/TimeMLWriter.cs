using System.Globalization;
using System.Security;
using System.Text;
using Storyline.Domain;

namespace Storyline.Evaluation.Time;

/// <summary>
/// Writes a TimeML document with our TIMEX3 tags in place of the gold ones, keeping the head (DCT, ids) so that the
/// TempEval-3 scorer can read it beside the gold file. Other gold tags (EVENT, TLINK …) are not written.
/// </summary>
public static class TimeMLWriter
{
    /// <summary>The document's TimeML with <paramref name="predicted"/> as its TIMEX3 tags (ids t1001, t1002 …).</summary>
    public static string Write(TimeMLDocument document, IReadOnlyList<Timex> predicted)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(predicted);
        var sb = new StringBuilder(document.Head.Length + (document.Text.Length * 2));
        sb.Append(document.Head);
        int at = 0;
        int id = 1001;
        foreach (Timex timex in predicted.OrderBy(t => t.Start))
        {
            if (timex.Start < at)
            {
                continue;
            }

            sb.Append(SecurityElement.Escape(document.Text[at..timex.Start]));
            sb.Append(CultureInfo.InvariantCulture, $"<TIMEX3 tid=\"t{id++}\" type=\"{TimeMLReader.TypeName(timex.Type)}\" value=\"{SecurityElement.Escape(timex.Value)}\">");
            sb.Append(SecurityElement.Escape(document.Text[timex.Start..timex.End]));
            sb.Append("</TIMEX3>");
            at = timex.End;
        }

        sb.Append(SecurityElement.Escape(document.Text[at..]));
        sb.Append("</TEXT>\n\n</TimeML>\n");
        return sb.ToString();
    }
}
