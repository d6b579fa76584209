using System.Buffers;
using System.Globalization;
using System.Text;
using Verso.Contracts;
using Verso.Server.Wire;
using Verso.Storage;

namespace Verso.Server.Streams;

/// <summary>
/// One change log entry and its Server-Sent Event, written once: every stream that sends it sends the same bytes.
/// </summary>
/// <param name="Entry">The entry.</param>
/// <param name="Event">Its event, <c>id: SEQ</c> / <c>event: version</c> / <c>data: {entry}</c> and a blank line.</param>
internal sealed record ChangeFrame(ChangeEntry Entry, ReadOnlyMemory<byte> Event)
{
    /// <summary>The entry with its event written.</summary>
    public static ChangeFrame Of(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(320);
        buffer.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"id: {entry.Sequence}\nevent: version\ndata: ")));
        // The data is the contract's own bytes: the same as a JSON page's item.
        buffer.Write(VersoJson.ToUtf8Bytes(WireChanges.Of(entry)));

        buffer.Write("\n\n"u8);
        return new ChangeFrame(entry, buffer.WrittenMemory);
    }
}
