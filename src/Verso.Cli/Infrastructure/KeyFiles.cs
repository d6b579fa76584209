using Verso.Versioning.Signatures;

namespace Verso.Cli.Infrastructure;

// Reading key and envelope files for the signing commands, with the file's name in every error line.
internal static class KeyFiles
{
    public static async Task<SigningKey> ReadPrivateAsync(CommandContext context, string path, CancellationToken cancellationToken) =>
        SigningKey.FromPem(await ReadTextAsync(context, path, "key", cancellationToken));

    public static async Task<VerificationKey> ReadPublicAsync(CommandContext context, string path, CancellationToken cancellationToken) =>
        VerificationKey.FromPem(await ReadTextAsync(context, path, "public key", cancellationToken));

    public static async Task<DsseEnvelope> ReadEnvelopeAsync(CommandContext context, string path, CancellationToken cancellationToken) =>
        DsseEnvelope.Parse(await ReadTextAsync(context, path, "signed checkpoint", cancellationToken));

    public static async Task<string> ReadTextAsync(CommandContext context, string path, string what, CancellationToken cancellationToken)
    {
        var full = context.Console.ResolvePath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"no {what} file at {path}");
        }

        return await File.ReadAllTextAsync(full, cancellationToken);
    }

    // A signed checkpoint is a JSON envelope; the unsigned one is lines of text starting 'verso checkpoint'.
    public static bool IsEnvelope(string text) => text.TrimStart().StartsWith('{');
}
