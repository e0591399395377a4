using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Text;

/// <summary>The first analysis stage: tokens, then sentences.</summary>
public sealed class TextStage(Tokenizer tokenizer, SentenceSplitter splitter) : IAnalysisStage
{
    /// <inheritdoc />
    public string Name => "text";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        var tokens = tokenizer.Tokenize(article.Body);
        return article with { Tokens = tokens, Sentences = splitter.Split(article.Body, tokens) };
    }
}
