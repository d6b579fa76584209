using System.Text;
using Verso.Versioning.Signatures;

namespace Verso.Cli.Infrastructure;

// Where a signed envelope goes: a file (with one line saying so) or standard output; --json wraps it.
internal static class SignedOutput
{
    public static async Task WriteAsync(CommandContext context, DsseEnvelope envelope, string? path, string what, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var text = envelope.ToJson();
        if (path is not null)
        {
            await File.WriteAllTextAsync(console.ResolvePath(path), text, new UTF8Encoding(false), cancellationToken);
        }

        if (context.Json)
        {
            JsonOutput.Write(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("media_type", DsseEnvelope.MediaType);
                writer.WriteString("key_id", envelope.Signatures[0].KeyId);
                writer.WriteString("digest", Documents.Hashing.ContentHash.Compute(envelope.Payload.AsSpan()).ToString());
                writer.WritePropertyName("envelope");
                writer.WriteRawValue(text);
                writer.WriteEndObject();
            });
        }
        else if (path is not null)
        {
            console.Out.WriteLine($"{what} signed by {envelope.Signatures[0].KeyId[..16]}… written to {path}");
        }
        else
        {
            await console.Out.WriteAsync(text);
        }
    }
}
