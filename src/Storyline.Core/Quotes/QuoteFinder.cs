using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Quotes;

/// <summary>
/// The quotes stage: direct quotes (words inside quotation marks) and indirect attributions ("The Kremlin said it had
/// nothing to say", "according to US officials"), each with its cue, its source phrase, the entity the source resolves
/// to, the kind of source, and any chain of citation (Interfax citing Rossiya-1; news agencies quoting Peskov).
/// Rules over tokens, sentences and entity mentions; it reads mentions only through their public shape, so a better
/// entity stage makes for better speakers. Holds no state: thread-safe.
/// </summary>
public sealed class QuoteFinder : IAnalysisStage
{
    /// <inheritdoc />
    public string Name => "quotes";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Tokens.IsDefaultOrEmpty || article.Sentences.IsDefaultOrEmpty)
        {
            return article;
        }

        return article with { Quotes = new QuoteScan(article).Run() };
    }
}
