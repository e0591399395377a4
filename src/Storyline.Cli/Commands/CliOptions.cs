using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Storyline.Cli.Commands;

/// <summary>
/// Options every command that reads or writes an archive has. Added to each such command (not inherited), so that
/// a command that does not use them (migrate, eval) does not offer them.
/// </summary>
internal sealed record GlobalOptions(Option<string> Db, Option<bool> Json)
{
    /// <summary>Adds --db and --json to <paramref name="command"/>.</summary>
    public T AddTo<T>(T command, bool json = true)
        where T : Command
    {
        command.Options.Add(Db);
        if (json)
        {
            command.Options.Add(Json);
        }

        return command;
    }

    /// <summary>Adds --json alone to <paramref name="command"/> (a command with no archive: migrate, eval, train).</summary>
    public T AddJson<T>(T command)
        where T : Command
    {
        command.Options.Add(Json);
        return command;
    }
}

/// <summary>Arguments and options read the same way by every command, each refusing a bad value in one line.</summary>
internal static class CliOptions
{
    /// <summary>A story number: a whole number from 1.</summary>
    public static Argument<long> StoryId() => new("id")
    {
        Description = "The story's number, as 'storyline stories' lists it",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0)
            {
                return id;
            }

            result.AddError($"'{text}' is not a story number: give the number 'storyline stories' lists (1, 2, …)");
            return 0;
        },
    };

    /// <summary>
    /// A count option: a whole number of at least <paramref name="min"/>, <paramref name="fallback"/> when absent
    /// (help shows the default once, from the value).
    /// </summary>
    public static Option<int> Count(string name, string description, int fallback, int min = 1) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => WholeNumber(result, name, min, fallback),
    };

    /// <summary>An optional story number option (--story).</summary>
    public static Option<long?> OptionalStory(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0)
            {
                return id;
            }

            result.AddError($"{name} must be a story number (1, 2, …), not '{text}'");
            return null;
        },
    };

    /// <summary>
    /// Refuses values of <paramref name="argument"/> that look like options ("--bogus"): an unknown option is an error,
    /// never a path or a word to search for. "-" (standard input) is a value; a file named "--x" can be given as "./--x".
    /// </summary>
    public static T NoOptions<T>(T argument)
        where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (Token token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    result.AddError($"unknown option '{token.Value}'");
                    return;
                }
            }
        });
        return argument;
    }

    private static int WholeNumber(ArgumentResult result, string name, int min, int fallback)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }

        string text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n >= min)
        {
            return n;
        }

        result.AddError($"{name} must be a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return fallback;
    }
}
