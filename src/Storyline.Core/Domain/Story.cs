using System.Collections.Immutable;

namespace Storyline.Domain;

/// <summary>A developing story: the reports that belong together.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Title">A readable title made from its key terms.</param>
/// <param name="FirstReport">Publication date of its earliest report.</param>
/// <param name="LastReport">Publication date of its latest report.</param>
/// <param name="Reports">Its reports, in the order they joined.</param>
public sealed record Story(StoryId Id, string Title, DateOnly FirstReport, DateOnly LastReport, ImmutableArray<ArticleId> Reports)
{
    /// <summary>The story this one was merged into (found later to be the same story); null while it stands alone.</summary>
    public StoryId? MergedInto { get; init; }

    /// <summary>Reports that are near-copies of another (syndicated, republished), each with the report it copies.</summary>
    public ImmutableDictionary<ArticleId, ArticleId> Copies { get; init; } = ImmutableDictionary<ArticleId, ArticleId>.Empty;
}

/// <summary>One dated entry of a story's timeline.</summary>
/// <param name="Date">The day the entry is placed on.</param>
/// <param name="Text">What happened: the sentence that says it.</param>
/// <param name="Report">The report the sentence comes from.</param>
/// <param name="Span">The sentence's characters in that report's body.</param>
/// <param name="DateValue">The TIMEX3 value that placed it ("2023-09-11", or the publication date).</param>
/// <param name="Expression">The time expression that dated it ("on Monday"); null when dated by publication.</param>
/// <param name="Anchor">The date the expression was resolved against.</param>
/// <param name="Status">How sure the report is of it, where known.</param>
/// <param name="Sources">Every report that says it (near-identical sentences are merged).</param>
public sealed record TimelineEntry(
    DateOnly Date,
    string Text,
    ArticleId Report,
    TextSpan Span,
    string DateValue,
    string? Expression,
    DateOnly Anchor,
    Certainty? Status,
    ImmutableArray<ArticleId> Sources)
{
    /// <summary>How much the entry matters in its day: centrality among the day's sentences, raised by the number of
    /// independent reports that say it; 0 where not ranked.</summary>
    public double Importance { get; init; }

    /// <summary>Who the sentence is attributed to ("Russian news agency Interfax"), where the report names anyone.</summary>
    public string? Attribution { get; init; }

    /// <summary>What kind of source <see cref="Attribution"/> is.</summary>
    public SourceKind AttributionKind { get; init; }
}
