using System.Globalization;
using System.Runtime.CompilerServices;
using Storyline.Domain;
using Storyline.Sources.Feeds;
using Storyline.Sources.Html;

namespace Storyline.Sources.Web;

/// <summary>
/// Reads reports from web pages and feeds, from text already loaded or from an address. A page is one report; a
/// feed gives one report per item, and an item whose text is short (a summary) is followed to its page when a
/// fetcher is given. A report with no usable date, or no text, is a <see cref="ReadFailed"/> with the reason.
/// </summary>
public sealed class WebReader
{
    /// <summary>An item with fewer words than this is a summary, and its page is fetched for the full text.</summary>
    public const int FullTextWords = 150;

    private readonly ReaderOptions options;
    private readonly PoliteFetcher? fetcher;
    private readonly HtmlArticleExtractor extractor;

    /// <summary>A reader with the given limits; without a fetcher, addresses and feed links are not followed.</summary>
    public WebReader(ReaderOptions options, PoliteFetcher? fetcher = null)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.fetcher = fetcher;
        extractor = new HtmlArticleExtractor(options.MaxHtmlDepth);
    }

    /// <summary>Reads one page as a report.</summary>
    public ReadResult ReadPage(string origin, string html, string? url = null)
    {
        if (!extractor.TryExtract(html, url, out HtmlArticle article, out string reason))
        {
            return new ReadFailed(origin, null, reason);
        }

        return ToReport(origin, article);
    }

    /// <summary>Fetches an address and reads it as a page or a feed, as its content type and content say.</summary>
    /// <param name="address">The page or feed address.</param>
    /// <param name="conditional">Send the cached validators; an unchanged address gives nothing.</param>
    /// <param name="isNew">For a feed, which items to read (the others were seen before); all when null.</param>
    /// <param name="cancellationToken">Stops the fetch.</param>
    public async IAsyncEnumerable<ReadResult> ReadAddressAsync(string address, bool conditional = false, Func<FeedItem, bool>? isNew = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? url))
        {
            yield return new ReadFailed(address, null, "not a valid web address");
            yield break;
        }

        if (fetcher is null)
        {
            yield return new ReadFailed(address, null, "web addresses are not fetched here (no fetcher)");
            yield break;
        }

        FetchResult result = await fetcher.FetchAsync(url, conditional, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case FetchFailed failed:
                yield return new ReadFailed(address, null, failed.Reason);
                yield break;
            case NotModified:
                yield break;
        }

        var fetched = (Fetched)result;
        string text = HtmlDecoder.Decode(fetched.Body, fetched.Charset);
        bool feedType = fetched.MediaType is string type && (type.Contains("rss", StringComparison.Ordinal) || type.Contains("atom", StringComparison.Ordinal) || type.Contains("rdf", StringComparison.Ordinal));
        bool htmlType = fetched.MediaType is "text/html" or "application/xhtml+xml";
        if (feedType || (!htmlType && FeedParser.LooksLikeFeed(text)))
        {
            await foreach (ReadResult item in ReadFeedAsync(address, text, isNew, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        else if (htmlType || HtmlArticleExtractor.LooksLikeHtml(text))
        {
            yield return ReadPage(address, text, fetched.Address.AbsoluteUri);
        }
        else
        {
            yield return new ReadFailed(address, null, $"neither a page nor a feed (content type {fetched.MediaType ?? "not given"})");
        }
    }

    /// <summary>Reads every item of a feed; short items are followed to their page when a fetcher is given.</summary>
    public async IAsyncEnumerable<ReadResult> ReadFeedAsync(string origin, string xml, Func<FeedItem, bool>? isNew = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!FeedParser.TryParse(xml, out Feed feed, out string reason, maxDepth: options.MaxHtmlDepth))
        {
            yield return new ReadFailed(origin, null, reason);
            yield break;
        }

        int number = 0;
        foreach (FeedItem item in feed.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (number > options.MaxFeedItems)
            {
                yield return new ReadFailed(origin, null, $"feed has {feed.Items.Count:N0} items; only the first {options.MaxFeedItems:N0} were read (ReaderOptions.MaxFeedItems)");
                yield break;
            }

            if (isNew is not null && !isNew(item))
            {
                continue;
            }

            yield return await ReadItemAsync($"{origin} item {number}", item, feed.Title, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one feed item as a report, fetching its page when the item holds only a summary.</summary>
    public async Task<ReadResult> ReadItemAsync(string origin, FeedItem item, string? feedTitle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        string content = HtmlText.ToParagraphs(item.Content, options.MaxHtmlDepth);
        string summary = HtmlText.ToParagraphs(item.Summary, options.MaxHtmlDepth);
        string body = TextBlocks.CountWords(content) >= TextBlocks.CountWords(summary) ? content : summary;
        HtmlArticle? page = null;
        string? pageFailure = null;
        if (TextBlocks.CountWords(body) < FullTextWords && fetcher is not null && Uri.TryCreate(item.Link, UriKind.Absolute, out Uri? link))
        {
            FetchResult fetched = await fetcher.FetchAsync(link, conditional: false, cancellationToken).ConfigureAwait(false);
            if (fetched is Fetched ok)
            {
                if (extractor.TryExtract(HtmlDecoder.Decode(ok.Body, ok.Charset), ok.Address.AbsoluteUri, out HtmlArticle extracted, out string refused))
                {
                    page = extracted;
                    if (TextBlocks.CountWords(page.Body) > TextBlocks.CountWords(body))
                    {
                        body = page.Body;
                    }
                }
                else
                {
                    pageFailure = refused;
                }
            }
            else if (fetched is FetchFailed failed)
            {
                pageFailure = failed.Reason;
            }
        }

        DateOnly? published = DateText.TryParse(item.Published, out DateOnly date) ? date : page?.Published;
        var article = new HtmlArticle(
            body,
            item.Title ?? page?.Title,
            published,
            "feed",
            feedTitle ?? page?.Outlet,
            item.Author ?? page?.Author,
            item.Link,
            page?.Paywalled ?? false);
        ReadResult result = ToReport(origin, article, item.Id);
        if (result is ReadFailed f && pageFailure is not null)
        {
            return f with { Reason = $"{f.Reason}; its page {item.Link} could not be fetched: {pageFailure}" };
        }

        return result;
    }

    private ReadResult ToReport(string origin, HtmlArticle article, string? externalId = null)
    {
        if (string.IsNullOrWhiteSpace(article.Body))
        {
            return new ReadFailed(origin, null, "no article text found in the page");
        }

        if (article.Body.Length > options.MaxReportCharacters)
        {
            return new ReadFailed(origin, null, Limits.TextTooLong(article.Body.Length, options));
        }

        if (article.Published is not DateOnly published)
        {
            return new ReadFailed(origin, null, "no publication date found (looked in JSON-LD, meta tags, <time>, the address and the dateline)");
        }

        if (!DateCheck.TryRead(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), options, out DateOnly checkedDate, out string reason))
        {
            return new ReadFailed(origin, null, reason);
        }

        return new ReportRead(new SourceReport(
            origin,
            null,
            checkedDate,
            article.Body,
            Title: article.Title,
            Url: article.Url,
            Outlet: article.Outlet,
            ExternalId: externalId,
            Author: article.Author,
            Paywalled: article.Paywalled));
    }
}
