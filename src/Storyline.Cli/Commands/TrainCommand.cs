using System.CommandLine;
using Storyline.Cli.Commands.Eval;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline train TASK --data PATH</c>: rebuilds a model or derived table under models/ from public data. Each task
/// is a subcommand in Commands/Eval/ registered in <see cref="Tasks"/>.
/// </summary>
internal static class TrainCommand
{
    private static IEnumerable<Func<CliEnvironment, GlobalOptions, Command>> Tasks =>
    [
        // One line per task.
        TrainGazetteerCommand.Create,
        NerCommands.Train,
        NerCommands.TrainWordClasses,
        StoriesTrainCommand.Create,
        TrainEmbeddingsCommand.Create,
        TrainTimelinesCommand.Create,
    ];

    public static Command? Create(CliEnvironment env, GlobalOptions global) =>
        CommandGroup.Create("train", "Rebuild a model from public data (the result goes under models/ and is committed)", Tasks.Select(task => global.AddJson(task(env, global))));
}
