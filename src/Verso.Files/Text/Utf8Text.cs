using System.Text;
using Verso.Files.Errors;

namespace Verso.Files.Text;

/// <summary>Strict UTF-8: files become strings only when every byte survives the trip back.</summary>
public static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes <paramref name="bytes"/>, keeping a byte order mark as U+FEFF so that encoding the string
    /// gives back the same bytes.
    /// </summary>
    /// <exception cref="RecordFileException">The bytes are not UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new RecordFileException("the file is not UTF-8 text, so it cannot be kept exactly as a JSON string", innerException: exception);
        }
    }

    /// <summary>Encodes <paramref name="text"/> as UTF-8 without adding a byte order mark.</summary>
    public static byte[] Encode(string text) => Strict.GetBytes(text);
}
