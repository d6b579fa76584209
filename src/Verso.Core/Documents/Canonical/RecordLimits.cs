using Verso.Errors;

namespace Verso.Documents.Canonical;

/// <summary>
/// The size limit of one record's input, enforced while it is read: memory stays bounded by the limit
/// whatever is piped in, and a gigabyte of input is refused after the limit's bytes, not after the gigabyte.
/// </summary>
public static class RecordLimits
{
    /// <summary>The default largest record input: 16 MiB, far above any configuration record.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    /// <summary>Reads <paramref name="input"/> to its end, refusing it once it passes <paramref name="maxBytes"/>.</summary>
    /// <param name="input">The stream to read (standard input, a file, a pipe).</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="what">What is being read, for the message, e.g. "standard input".</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="LimitExceededException">The input is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(Stream input, long maxBytes, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(what, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>The error for an input over the limit.</summary>
    public static LimitExceededException TooLarge(string what, long maxBytes) => new(what, "max record size", maxBytes, "bytes");
}
