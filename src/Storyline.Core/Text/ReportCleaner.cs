using Storyline.Domain;

namespace Storyline.Text;

/// <summary>
/// Turns a report as read into a clean <see cref="Article"/>: web boilerplate that survived into the text removed,
/// the dateline taken off the first paragraph and kept as the report's place, paragraphs separated by one blank line.
/// Stateless and thread-safe.
/// </summary>
public sealed class ReportCleaner
{
    private readonly BoilerplateCleaner boilerplate = new();

    /// <summary>Cleans one report.</summary>
    public Article Clean(SourceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string body = Paragraphs.Normalize(report.Text);
        body = boilerplate.Clean(body).Body;
        string? dateline = null;
        if (Dateline.TryParse(body, out DatelineMatch match))
        {
            dateline = match.Place;
            body = body[match.BodyStart..];
        }

        return new Article(
            report.Id,
            report.Published,
            body,
            string.IsNullOrWhiteSpace(report.Title) ? null : report.Title.Trim(),
            string.IsNullOrWhiteSpace(report.Outlet) ? null : report.Outlet.Trim(),
            report.Url,
            report.Origin,
            dateline,
            report.ExternalId,
            string.IsNullOrWhiteSpace(report.Author) ? null : report.Author.Trim(),
            report.Paywalled);
    }
}
