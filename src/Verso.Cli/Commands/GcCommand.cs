using System.CommandLine;
using System.Globalization;
using Verso.Cli.Infrastructure;
using Verso.Storage;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso gc</c>: stores every entity's content again as deltas where that is smaller (content saved before
/// schema 8, or left whole by a prune or an erase), one entity per transaction, then repacks the store's files
/// (SQLite VACUUM, PostgreSQL VACUUM (FULL)) and reports the bytes on disk before and after. Versions, hashes,
/// the chain and every read stay as they were. An entity with a content that does not decode to its hash is
/// left as it is and counted (exit 1; see verify); the repack still runs.
/// </summary>
internal static class GcCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("gc", "store old content again as deltas where that is smaller, then repack the store's files");
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            if (context.Store is not IContentCompaction compaction)
            {
                throw new UsageException("this store keeps no content that gc can re-encode");
            }

            var repack = context.Store as IStoreRepack;
            var bytesBefore = repack is null ? 0 : await repack.GetStoreBytesAsync(cancellationToken);
            var result = await compaction.CompactAsync(cancellationToken);
            var bytesAfter = bytesBefore;
            if (repack is not null)
            {
                await repack.RepackAsync(cancellationToken);
                bytesAfter = await repack.GetStoreBytesAsync(cancellationToken);
            }

            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("entities", result.Entities);
                    writer.WriteNumber("rewritten", result.Rewritten);
                    writer.WriteNumber("stored_bytes_before", result.StoredBytesBefore);
                    writer.WriteNumber("stored_bytes_after", result.StoredBytesAfter);
                    writer.WriteNumber("skipped", result.Skipped);
                    writer.WriteNumber("store_bytes_before", bytesBefore);
                    writer.WriteNumber("store_bytes_after", bytesAfter);
                    writer.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"re-encoded {result.Rewritten} blob(s) of {result.Entities} entities: {result.StoredBytesBefore:N0} stored bytes before, {result.StoredBytesAfter:N0} after"));
                console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"repacked the store: {bytesBefore:N0} bytes on disk before, {bytesAfter:N0} after"));
            }

            if (result.Skipped > 0)
            {
                throw new IntegrityFailureException($"{result.Skipped} entity(ies) left as they were: a content of theirs does not decode to its hash; run 'verso verify'");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
