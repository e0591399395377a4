namespace Storyline.Domain;

/// <summary>A report as a reader found it, before cleaning: where it came from and what it said.</summary>
/// <param name="Origin">The file, URL or "stdin" it was read from, for messages.</param>
/// <param name="Line">The line of <paramref name="Origin"/> it starts on, where that means something (JSON Lines).</param>
/// <param name="Published">The publication date the report gives.</param>
/// <param name="Text">The body as read, boilerplate and all.</param>
/// <param name="Title">The headline, where the format has one.</param>
/// <param name="Url">The report's address, where known.</param>
/// <param name="Outlet">The publishing outlet, where known.</param>
/// <param name="ExternalId">The id the source gave it, where any.</param>
/// <param name="Author">The byline, where known.</param>
/// <param name="Paywalled">Whether the text is only the free teaser of a paywalled article.</param>
public sealed record SourceReport(
    string Origin,
    int? Line,
    DateOnly Published,
    string Text,
    string? Title = null,
    string? Url = null,
    string? Outlet = null,
    string? ExternalId = null,
    string? Author = null,
    bool Paywalled = false)
{
    /// <summary>The content address of this report (see <see cref="ArticleId"/>).</summary>
    public ArticleId Id => ArticleId.FromContent(Outlet, Published, Title, Text);

    /// <summary>Origin and line, as messages show them: "feed.jsonl:12".</summary>
    public string Location => Line is int line ? $"{Origin}:{line}" : Origin;
}

/// <summary>A cleaned report: the unit every analysis stage works on.</summary>
/// <param name="Id">Content address of the report as read.</param>
/// <param name="Published">Publication date: the anchor for relative time expressions.</param>
/// <param name="Body">The story text, boilerplate and dateline removed; paragraphs separated by a blank line.</param>
/// <param name="Title">Headline, where known.</param>
/// <param name="Outlet">Publishing outlet, where known.</param>
/// <param name="Url">Address, where known.</param>
/// <param name="Origin">Where it was read from.</param>
/// <param name="Dateline">The place the report was filed from ("VLADIVOSTOK, Russia"), where it gives one.</param>
/// <param name="ExternalId">The id the source gave it, where any.</param>
/// <param name="Author">The byline, where known.</param>
/// <param name="Paywalled">Whether the body is only the free teaser of a paywalled article.</param>
public sealed record Article(
    ArticleId Id,
    DateOnly Published,
    string Body,
    string? Title = null,
    string? Outlet = null,
    string? Url = null,
    string? Origin = null,
    string? Dateline = null,
    string? ExternalId = null,
    string? Author = null,
    bool Paywalled = false);
