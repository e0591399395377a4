using System.CommandLine;
using System.Net;
using Storyline.Web;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline serve</c>: the JSON API and the web UI over the archive (src/Storyline.Web does the work).</summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var port = new Option<int>("--port") { Description = "The port", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "The address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow an address other than loopback (the archive is then open to the network)" };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "The largest ingest POST", DefaultValueFactory = _ => 2L * 1024 * 1024 };
        var command = global.AddTo(new Command("serve", "Serve the archive: a JSON API (OpenAPI at /openapi/v1.json) and a web UI") { port, host, allowRemote, maxBody }, json: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string db = string.IsNullOrWhiteSpace(parse.GetValue(global.Db)) ? StoreOpener.DefaultPath : parse.GetValue(global.Db)!.Trim();
            if (!IPAddress.TryParse(parse.GetValue(host), out IPAddress? address))
            {
                await env.Error.WriteLineAsync($"error: --host '{parse.GetValue(host)}' is not an IP address (use 127.0.0.1, ::1 or, with --allow-remote, 0.0.0.0)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            var options = new WebOptions
            {
                Database = db,
                Address = address,
                Port = parse.GetValue(port),
                AllowRemote = parse.GetValue(allowRemote),
                MaxIngestBytes = parse.GetValue(maxBody),
                Clock = env.Clock,
            };
            if (options.Port is < 0 or > 65535 || options.MaxIngestBytes < 1)
            {
                await env.Error.WriteLineAsync("error: --port must be from 0 to 65535 and --max-body-bytes positive").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (!options.IsLoopback && !options.AllowRemote)
            {
                await env.Error.WriteLineAsync($"error: {options.Address} is not a loopback address; pass --allow-remote to serve the archive to other machines").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            try
            {
                await StorylineServer.RunAsync(options, env.Out, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                // An address this machine does not have, or a port in use: one line, not a stack trace (exit 134 before).
                await env.Error.WriteLineAsync($"error: cannot listen on {options.Address}:{options.Port}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
