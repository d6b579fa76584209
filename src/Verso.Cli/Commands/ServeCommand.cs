using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Verso.Agents.Kinds;
using Verso.Cli.Infrastructure;
using Verso.Cli.Serving;
using Verso.Model.Kinds;
using Verso.Server.Checkpoints;
using Verso.Versioning.Signatures;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Cli.Commands;

/// <summary><c>verso serve [--port N | --urls URLS] [--log-format text|json] [--max-body BYTES] [--insecure]</c>: the REST API over the store.</summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var urls = new Option<string?>("--urls") { Description = $"where to listen, ';'-separated (default {ServeAddresses.Default})", HelpName = "URLS" };
        var port = new Option<int?>("--port") { Description = "listen on http://127.0.0.1:PORT (default 5180)", HelpName = "PORT" };
        var logFormat = new Option<string>("--log-format") { Description = "text (one line per event) or json", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var maxBody = new Option<long>("--max-body") { Description = "the largest request body in bytes (default 8 MiB)", HelpName = "BYTES", DefaultValueFactory = _ => 8 * 1024 * 1024 };
        var insecure = new Option<bool>("--insecure") { Description = "allow a non-loopback address without any token in the store" };
        var checkpointEvery = new Option<TimeSpan?>("--checkpoint-every")
        {
            Description = "write a checkpoint at start and then at this interval (e.g. 01:00:00 for hourly); needs --checkpoint-dir",
            HelpName = "INTERVAL",
        };
        var checkpointDir = new Option<string?>("--checkpoint-dir") { Description = "where scheduled checkpoints go (latest also at GET /api/v1/checkpoints/latest)", HelpName = "DIR" };
        var checkpointKey = new Option<string?>("--checkpoint-key") { Description = "sign scheduled checkpoints with this private key, chaining each to the last", HelpName = "KEY" };
        var signingKey = new Option<string?>("--signing-key") { Description = "sign every tag move, policy change and apply with this private key, as 'verso key use' asks of the store", HelpName = "KEY" };
        var command = new Command("serve", "serve the REST API over the store") { urls, port, logFormat, maxBody, insecure, checkpointEvery, checkpointDir, checkpointKey, signingKey };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            if (parse.GetValue(port) is { } number && parse.GetValue(urls) is not null)
            {
                throw new UsageException("--port and --urls both say where to listen: give one");
            }

            if (parse.GetValue(port) is < 1 or > 65535)
            {
                throw new UsageException("--port takes a port number from 1 to 65535");
            }

            var addresses = ServeAddresses.Split(parse.GetValue(port) is { } only ? $"http://127.0.0.1:{only}" : parse.GetValue(urls) ?? ServeAddresses.Default);
            if (addresses.Count == 0)
            {
                throw new UsageException("--urls names no address");
            }

            if (parse.GetValue(maxBody) < 1)
            {
                throw new UsageException("--max-body takes a number of bytes from 1");
            }

            var schedule = Schedule(context, parse.GetValue(checkpointEvery), parse.GetValue(checkpointDir), parse.GetValue(checkpointKey));
            var store = context.Store;
            var signer = await EventSignerAsync(context, store, parse.GetValue(signingKey), cancellationToken);
            var exposed = addresses.Where(a => !ServeAddresses.IsLoopback(a)).ToList();
            // Reading the tokens also fails early, with the store's own message, when the store is missing.
            var hasTokens = await new TokenStore(store).AnyAsync(cancellationToken);
            if (!hasTokens && exposed.Count > 0 && !parse.GetValue(insecure))
            {
                throw new UsageException($"refusing to listen on {string.Join(", ", exposed)} without tokens: add one with 'verso token add', or pass --insecure");
            }

            var gate = new BindingGate();
            await using var app = Build(store, addresses, parse.GetValue(logFormat) == "json", parse.GetValue(maxBody), context.DiffBudget, schedule, signer, console, gate);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception exception) when (BusyPort.IsAddressInUse(exception))
            {
                console.Error.WriteLine($"verso: {BusyPort.Message(addresses)}");
                return ExitCodes.Failure;
            }

            // Configuration can bind other addresses than --urls named: what counts is what Kestrel bound.
            var bound = BindingGate.Bound(app.Services.GetRequiredService<IServer>());
            var reachable = bound.Where(a => !ServeAddresses.IsLoopback(a)).ToList();
            if (!hasTokens && reachable.Count > 0 && !parse.GetValue(insecure))
            {
                await app.StopAsync(CancellationToken.None);
                throw new UsageException($"refusing to serve on {string.Join(", ", reachable)} without tokens (bound by the configuration): add one with 'verso token add', or pass --insecure");
            }

            gate.Open();
            var mode = hasTokens ? " (bearer tokens required)"
                : reachable.Count == 0 ? " (loopback only: no tokens in the store)" : " (INSECURE: no tokens, reachable from other machines)";
            // Only once every address is bound and checked: a script waiting for this line can connect at once.
            console.Error.WriteLine($"verso: serving {StoreLocator.Describe(parse.GetValue(globals.Store), console)} on {string.Join(", ", bound)}{mode}");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    // The schedule's options are checked before the server starts: a typo in the key path is a usage error, not a log
    // line an hour later.
    private static CheckpointScheduleOptions Schedule(CommandContext context, TimeSpan? every, string? directory, string? key)
    {
        if (every is null)
        {
            return directory is null && key is null
                ? new CheckpointScheduleOptions()
                : throw new UsageException("--checkpoint-dir and --checkpoint-key go with --checkpoint-every INTERVAL");
        }

        if (every <= TimeSpan.Zero || directory is null)
        {
            throw new UsageException(directory is null ? "--checkpoint-every needs --checkpoint-dir DIR" : "--checkpoint-every takes a positive interval, e.g. 01:00:00");
        }

        var keyPath = key is null ? null : context.Console.ResolvePath(key);
        if (keyPath is not null)
        {
            using var _ = Versioning.Signatures.SigningKey.FromPem(File.Exists(keyPath) ? File.ReadAllText(keyPath) : throw new UsageException($"no key file at {key}"));
        }

        return new CheckpointScheduleOptions { Every = every, Directory = context.Console.ResolvePath(directory), KeyPath = keyPath };
    }

    // A store that asks for signed events gets them from this server only with the key it names; a key for a store that
    // asks for none, or for another key, is refused before anything is served.
    private static async Task<EventSigner?> EventSignerAsync(CommandContext context, IVersionStore store, string? keyPath, CancellationToken cancellationToken)
    {
        var required = await EventSigning.CurrentKeyAsync(store, cancellationToken);
        if (keyPath is null)
        {
            return required is null ? null
                : throw new UsageException($"the store requires events signed by key {required.KeyId[..16]}…: give --signing-key KEY");
        }

        var key = await KeyFiles.ReadPrivateAsync(context, keyPath, cancellationToken);
        if (required is null || required.KeyId != key.KeyId)
        {
            key.Dispose();
            throw new UsageException(required is null
                ? "the store does not ask for signed events: run 'verso key use PUB' first"
                : $"--signing-key is key {key.KeyId[..16]}…, but the store requires key {required.KeyId[..16]}…");
        }

        return new EventSigner(store, key);
    }

    private static WebApplication Build(IVersionStore store, IReadOnlyList<string> addresses, bool jsonLogs, long maxBody, long? diffBudget, CheckpointScheduleOptions schedule, EventSigner? signer, CliConsole console, BindingGate gate)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = console.WorkingDirectory, Args = [] });
        builder.WebHost.UseUrls([.. addresses]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBody;
            // Whatever configures the endpoints, Kestrel's own refusals answer as problem+json.
            kestrel.ConfigureEndpointDefaults(listen => listen.UseVersoRejectionProblems());
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Logging.ClearProviders();
        if (jsonLogs)
        {
            builder.Logging.AddJsonConsole(json => json.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(simple =>
            {
                simple.SingleLine = true;
                simple.UseUtcTimestamp = true;
                simple.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        // One line per request comes from the API itself; the framework's own per-request lines would double it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A failed start (a busy port) is reported as one line by the command; the host's own trace of it would bury it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()));
        builder.Services.AddSingleton(store);
        if (signer is not null)
        {
            builder.Services.AddSingleton(signer);
        }

        builder.Services.AddVerso();
        builder.Services.AddVersoServer(options =>
        {
            options.MaxRequestBodyBytes = maxBody;
            // Only a budget asked for here overrides Verso:Server:DiffBudget from the configuration.
            options.DiffBudget = diffBudget ?? options.DiffBudget;
        });
        builder.Services.AddVersoAgentsApi();
        builder.Services.AddVersoMcp();
        builder.Services.Configure<CheckpointScheduleOptions>(options =>
        {
            options.Every = schedule.Every;
            options.Directory = schedule.Directory;
            options.KeyPath = schedule.KeyPath;
        });
        var app = builder.Build();
        app.Use(gate.Guard);
        app.UseVersoServer();
        app.MapVersoApi();
        app.MapVersoMcp();
        app.MapVersoPage();
        return app;
    }
}
