using System.CommandLine;
using Storyline.Cli.Commands.Eval;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline eval TASK --data PATH</c>: scores a stage on a public benchmark. Each task is a subcommand in
/// Commands/Eval/ (one file per task) registered in <see cref="Tasks"/>.
/// </summary>
internal static class EvalCommand
{
    private static IEnumerable<Func<CliEnvironment, GlobalOptions, Command>> Tasks =>
    [
        // One line per task, in flow order.
        StoriesEvalCommand.Create,
    ];

    public static Command? Create(CliEnvironment env, GlobalOptions global)
    {
        var command = new Command("eval", "Score a stage on a public benchmark and print the standard metrics");
        foreach (var task in Tasks)
        {
            command.Subcommands.Add(task(env, global));
        }

        return command.Subcommands.Count == 0 ? null : command;
    }
}
