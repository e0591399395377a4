using Storyline.Evaluation.Stories;

namespace Storyline.Cli.Commands.Eval;

/// <summary>Reading a story benchmark folder for eval and train, with one message for a folder of no known layout.</summary>
internal static class StoryBenchmarkInput
{
    /// <summary>The folder's reports in stream order, or null after telling the user the layout is not known.</summary>
    public static async Task<StoryBenchmarkStream?> ReadOrExplainAsync(CliEnvironment env, string folder)
    {
        if (StoryBenchmark.Detect(folder) is not StoryBenchmarkLayout layout)
        {
            await env.Error.WriteLineAsync($"error: {folder}: not a Giveme5W1H news-cluster, ECB+, Timeline17 or Crisis folder").ConfigureAwait(false);
            return null;
        }

        return StoryBenchmark.Read(folder, layout);
    }
}
