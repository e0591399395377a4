using System.Collections.Immutable;

namespace Storyline.Text;

/// <summary>What <see cref="BoilerplateCleaner"/> kept and what it removed.</summary>
/// <param name="Body">The text without boilerplate, paragraphs separated by one blank line.</param>
/// <param name="Removed">Each removed piece, in order, for diagnostics and tests.</param>
public sealed record CleanedText(string Body, ImmutableArray<string> Removed);

/// <summary>Removes web boilerplate that survives in plain text: sign-up prompts, privacy notices, share links.</summary>
public sealed class BoilerplateCleaner
{
    /// <summary>Cleans paragraph-normalised text (see <see cref="Paragraphs.Normalize"/>).</summary>
    public CleanedText Clean(string text) => new(text, []);
}
