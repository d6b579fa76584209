using System.CommandLine;
using Verso.Agents.Kinds;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Governance.ChangeRequests;
using Verso.Governance.Checks;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Cli.Infrastructure;

/// <summary>One invocation of one command: its parsed arguments, the console and the store it names.</summary>
internal sealed class CommandContext(ParseResult parseResult, GlobalOptions globals, CliConsole console) : IAsyncDisposable
{
    public const string MaxRecordSizeVariable = "VERSO_MAX_RECORD_SIZE";

    private IVersionStore? _store;

    public ParseResult ParseResult { get; } = parseResult;

    public CliConsole Console { get; } = console;

    /// <summary>Whether the user asked for one JSON document.</summary>
    public bool Json => ParseResult.GetValue(globals.Json);

    /// <summary>The store named by <c>--store</c>, <c>$VERSO_STORE</c> or the default file.</summary>
    public IVersionStore Store => _store ??= StoreLocator.Open(ParseResult.GetValue(globals.Store), Console, discover: ParseResult.CommandResult.Command.Name != "init");

    /// <summary>Fails now when the store is a SQLite file that does not exist (see <see cref="StoreLocator.ThrowIfMissing"/>).</summary>
    public void ThrowIfStoreMissing() => StoreLocator.ThrowIfMissing(ParseResult.GetValue(globals.Store), Console);

    /// <summary>The versioning service over <see cref="Store"/>.</summary>
    public VersioningService CreateService() => new(Store, AgentKinds.RegisterAll(new KindRegistry())) { Signer = Signer };

    /// <summary>The name of the variable that names the private key events are signed with (see <c>verso key use</c>).</summary>
    public const string SigningKeyVariable = "VERSO_SIGNING_KEY";

    // The key in $VERSO_SIGNING_KEY signs this command's tag moves, policy changes and applies; read once per command.
    private Versioning.Signatures.EventSigner? Signer
    {
        get
        {
            if (_signer is null && Console.Environment(SigningKeyVariable) is { Length: > 0 } path)
            {
                var full = Console.ResolvePath(path);
                var key = Versioning.Signatures.SigningKey.FromPem(File.Exists(full) ? File.ReadAllText(full) : throw new UsageException($"no key file at {path} (${SigningKeyVariable})"));
                _signer = new Versioning.Signatures.EventSigner(Store, key);
            }

            return _signer;
        }
    }

    private Versioning.Signatures.EventSigner? _signer;

    /// <summary>What a driver error means, as the store opened for this command explains it; null when it is none of its.</summary>
    public VersoException? TranslateFault(Exception exception) =>
        exception is VersoException ? null : (_store as IStoreFaultTranslator)?.Translate(exception);

    /// <summary>The largest record input accepted: <c>$VERSO_MAX_RECORD_SIZE</c> bytes, or 16 MiB.</summary>
    public long MaxRecordBytes =>
        long.TryParse(Console.Environment(MaxRecordSizeVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : RecordLimits.DefaultMaxBytes;

    /// <summary>The diff budget asked for by <c>--diff-budget</c> or <c>$VERSO_DIFF_BUDGET</c>; null when neither names one.</summary>
    /// <exception cref="UsageException">The value is not a positive number of steps.</exception>
    public long? DiffBudget
    {
        get
        {
            if (ParseResult.GetValue(globals.DiffBudget) is { } steps)
            {
                return steps > 0 ? steps : throw new UsageException($"--diff-budget takes a number of steps from 1, not {steps}");
            }

            var variable = Console.Environment(GlobalOptions.DiffBudgetVariable);
            if (string.IsNullOrEmpty(variable))
            {
                return null;
            }

            return long.TryParse(variable, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fromVariable) && fromVariable > 0
                ? fromVariable
                : throw new UsageException($"${GlobalOptions.DiffBudgetVariable} takes a number of steps from 1, not '{variable}'");
        }
    }

    /// <summary>A budget for this command's comparisons (<see cref="DiffBudget"/> or the default), stopped by <paramref name="cancellationToken"/>.</summary>
    public Documents.Diff.ComparisonBudget ComparisonBudget(CancellationToken cancellationToken) =>
        new(DiffBudget ?? Documents.Diff.ComparisonBudget.DefaultMaxSteps, cancellationToken);

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

    /// <summary>
    /// Reads FILE, or standard input for <c>-</c>, refusing it once it passes <see cref="MaxRecordBytes"/>
    /// (checked while reading, so memory stays bounded). A pipe or FIFO named on purpose is read; a directory is refused.
    /// </summary>
    public async Task<byte[]> ReadInputAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            return await RecordLimits.ReadAsync(Console.Input, MaxRecordBytes, "standard input", cancellationToken);
        }

        var fullPath = Console.ResolvePath(path);
        if (Directory.Exists(fullPath))
        {
            throw new UsageException($"cannot read {path}: it is a directory, not a file");
        }

        try
        {
            var info = new FileInfo(fullPath);
            if (info.Exists && info.Length > MaxRecordBytes)
            {
                throw RecordLimits.TooLarge(path, MaxRecordBytes);
            }

            await using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
            return await RecordLimits.ReadAsync(stream, MaxRecordBytes, path, cancellationToken);
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
