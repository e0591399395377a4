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
        StoriesTrainCommand.Create,
    ];

    public static Command? Create(CliEnvironment env, GlobalOptions global)
    {
        var command = new Command("train", "Rebuild a model from public data (the result goes under models/ and is committed)");
        foreach (var task in Tasks)
        {
            command.Subcommands.Add(task(env, global));
        }

        return command.Subcommands.Count == 0 ? null : command;
    }
}
