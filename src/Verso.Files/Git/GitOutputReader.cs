namespace Verso.Files.Git;

/// <summary>
/// Reads git's output stream as bytes: NUL- or newline-terminated fields and exact byte counts. Buffered
/// by hand because a StreamReader would decode text, and blobs and paths must come through untouched.
/// </summary>
internal sealed class GitOutputReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public GitOutputReader(Stream stream) => _stream = stream;

    /// <summary>The bytes up to the next <paramref name="terminator"/> (not included), or null at the end of the stream.</summary>
    /// <remarks>Bytes after the last terminator count as a final field, so a missing terminator loses nothing.</remarks>
    public async ValueTask<byte[]?> ReadFieldAsync(byte terminator, CancellationToken cancellationToken)
    {
        using var field = new MemoryStream();
        while (true)
        {
            var found = Array.IndexOf(_buffer, terminator, _start, _end - _start);
            if (found >= 0)
            {
                field.Write(_buffer, _start, found - _start);
                _start = found + 1;
                return field.ToArray();
            }

            field.Write(_buffer, _start, _end - _start);
            _start = _end;
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return field.Length == 0 ? null : field.ToArray();
            }
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes.</summary>
    /// <exception cref="EndOfStreamException">The stream ended first.</exception>
    public async ValueTask<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, result, 0, copied);
        _start += copied;
        while (copied < count)
        {
            // The buffer is empty: the rest goes straight into the result, one copy of a blob instead of two.
            var read = await _stream.ReadAsync(result.AsMemory(copied), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"git's output ended after {copied} of {count} bytes");
            }

            copied += read;
        }

        return result;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
