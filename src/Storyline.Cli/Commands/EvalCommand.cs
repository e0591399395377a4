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
        ExtractEvalCommand.Create,
        QuotesEval.Create,
        EvalTimeCommand.Create,
        NerCommands.Eval,
        StoriesEvalCommand.Create,
        TimelinesEvalCommand.Create,
    ];

    public static Command? Create(CliEnvironment env, GlobalOptions global) =>
        CommandGroup.Create("eval", "Score a stage on a public benchmark and print the standard metrics", Tasks.Select(task => global.AddJson(task(env, global))));
}
