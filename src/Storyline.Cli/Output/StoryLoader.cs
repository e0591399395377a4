using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Cli.Output;

/// <summary>Finds a story for a command, following merges to the story it became part of.</summary>
internal static class StoryLoader
{
    /// <summary>The story (or the one it was merged into), or null after saying on standard error that there is none.</summary>
    public static async Task<Story?> LoadOrExplainAsync(IStoryStore store, StoryId id, CliEnvironment env, CancellationToken cancellationToken)
    {
        Story? story = await store.GetStoryAsync(id, cancellationToken).ConfigureAwait(false);
        for (int hops = 0; story?.MergedInto is StoryId into && hops < 64; hops++)
        {
            story = await store.GetStoryAsync(into, cancellationToken).ConfigureAwait(false);
        }

        if (story is null)
        {
            await env.Error.WriteLineAsync($"error: no story {id}; 'storyline stories' lists them").ConfigureAwait(false);
        }

        return story;
    }
}
