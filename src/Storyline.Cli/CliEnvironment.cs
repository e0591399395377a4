using Spectre.Console;

namespace Storyline.Cli;

/// <summary>What a command talks to: the console for people, a writer for JSON, standard input and the clock.</summary>
/// <param name="Console">Tables, progress and messages for people.</param>
/// <param name="Out">Machine-readable output (--json).</param>
/// <param name="Error">Error messages.</param>
/// <param name="OpenStdin">Opens standard input, for "-".</param>
/// <param name="Clock">What time it is.</param>
internal sealed record CliEnvironment(IAnsiConsole Console, TextWriter Out, TextWriter Error, Func<Stream> OpenStdin, TimeProvider Clock)
{
    public static CliEnvironment FromProcess() => new(
        AnsiConsole.Console,
        System.Console.Out,
        System.Console.Error,
        System.Console.OpenStandardInput,
        TimeProvider.System);
}
