using Storyline.Cli;

return await StorylineApp.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
