using System.CommandLine;
using Verso.Agents.Kinds;
using Verso.ChangeRequests;
using Verso.Checks;
using Verso.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Infrastructure;

/// <summary>One invocation of one command: its parsed arguments, the console and the store it names.</summary>
internal sealed class CommandContext(ParseResult parseResult, GlobalOptions globals, CliConsole console) : IAsyncDisposable
{
    private IVersionStore? _store;

    public ParseResult ParseResult { get; } = parseResult;

    public CliConsole Console { get; } = console;

    /// <summary>Whether the user asked for one JSON document.</summary>
    public bool Json => ParseResult.GetValue(globals.Json);

    /// <summary>The store named by <c>--store</c>, <c>$VERSO_STORE</c> or the default file.</summary>
    public IVersionStore Store => _store ??= StoreLocator.Open(ParseResult.GetValue(globals.Store), Console);

    /// <summary>The versioning service over <see cref="Store"/>.</summary>
    public VersioningService CreateService() => new(Store, AgentKinds.RegisterAll(new KindRegistry()));

    /// <summary>The change request service over <see cref="Store"/>.</summary>
    public ChangeRequestService CreateRequests() => new(CreateService());

    /// <summary>The check service over <see cref="Store"/>.</summary>
    public CheckService CreateChecks() => new(CreateService());

    /// <summary>Closes the store's connections (a server store keeps a pool).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>Reads FILE, or standard input for <c>-</c>.</summary>
    public async Task<byte[]> ReadInputAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await Console.Input.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        var fullPath = Console.ResolvePath(path);
        try
        {
            return await File.ReadAllBytesAsync(fullPath, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"cannot read {path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: permission denied");
        }
    }
}
