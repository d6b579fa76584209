using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Verso.Agents.Kinds;
using Verso.Cli.Infrastructure;
using Verso.Cli.Serving;
using Verso.Kinds;
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
        var command = new Command("serve", "serve the REST API over the store") { urls, port, logFormat, maxBody, insecure };
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

            var store = context.Store;
            var exposed = addresses.Where(a => !ServeAddresses.IsLoopback(a)).ToList();
            // Reading the tokens also fails early, with the store's own message, when the store is missing.
            var hasTokens = await new TokenStore(store).AnyAsync(cancellationToken);
            if (!hasTokens && exposed.Count > 0 && !parse.GetValue(insecure))
            {
                throw new UsageException($"refusing to listen on {string.Join(", ", exposed)} without tokens: add one with 'verso token add', or pass --insecure");
            }

            await using var app = Build(store, addresses, parse.GetValue(logFormat) == "json", parse.GetValue(maxBody), console);
            var mode = hasTokens ? " (bearer tokens required)"
                : exposed.Count == 0 ? " (loopback only: no tokens in the store)" : " (INSECURE: no tokens, reachable from other machines)";
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception exception) when (BusyPort.IsAddressInUse(exception))
            {
                console.Error.WriteLine($"verso: {BusyPort.Message(addresses)}");
                return ExitCodes.Failure;
            }

            // Only once every address is bound: a script waiting for this line can connect at once.
            console.Error.WriteLine($"verso: serving {StoreLocator.Describe(parse.GetValue(globals.Store), console)} on {string.Join(", ", addresses)}{mode}");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static WebApplication Build(IVersionStore store, IReadOnlyList<string> addresses, bool jsonLogs, long maxBody, CliConsole console)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = console.WorkingDirectory, Args = [] });
        builder.WebHost.UseUrls([.. addresses]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
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
        builder.Services.AddVerso();
        builder.Services.AddVersoServer(options => options.MaxRequestBodyBytes = maxBody);
        var app = builder.Build();
        app.UseVersoServer();
        app.MapVersoApi();
        app.MapVersoPage();
        return app;
    }
}
