using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary>A command made only of subcommands (eval, train), left out of the tool while it has none.</summary>
internal static class CommandGroup
{
    public static Command? Create(string name, string description, IEnumerable<Command> subcommands)
    {
        var command = new Command(name, description);
        foreach (Command subcommand in subcommands)
        {
            command.Subcommands.Add(subcommand);
        }

        return command.Subcommands.Count == 0 ? null : command;
    }
}
