using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Signatures;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso key new NAME [--algorithm ed25519|ecdsa-p256]</c>: makes a signing key pair as PEM files, NAME.key (PKCS#8,
/// private, readable by its owner only) and NAME.pub (SPKI), the forms openssl reads and writes.
/// </summary>
internal static class KeyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "the files to write: NAME.key (private) and NAME.pub (public)" };
        var algorithm = new Option<string>("--algorithm", "-a") { Description = "ed25519 (default) or ecdsa-p256", DefaultValueFactory = _ => "ed25519", HelpName = "ALG" };
        algorithm.AcceptOnlyFromAmong("ed25519", "ecdsa-p256");
        var create = new Command("new", "make a key pair for signing checkpoints and attestations") { name, algorithm };
        CommandAction.Set(create, globals, console, async (context, cancellationToken) =>
        {
            var basePath = console.ResolvePath(context.ParseResult.GetRequiredValue(name));
            var (privatePath, publicPath) = (basePath + ".key", basePath + ".pub");
            foreach (var path in new[] { privatePath, publicPath })
            {
                if (File.Exists(path))
                {
                    throw new UsageException($"{Path.GetFileName(path)} exists; a key is never overwritten (choose another NAME)");
                }
            }

            var chosen = context.ParseResult.GetValue(algorithm) == "ecdsa-p256" ? SignatureAlgorithm.EcdsaP256 : SignatureAlgorithm.Ed25519;
            using var key = SigningKey.Generate(chosen);
            await WritePrivateAsync(privatePath, key.ToPem(), cancellationToken);
            await File.WriteAllTextAsync(publicPath, key.PublicKey.ToPem(), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("key_id", key.KeyId);
                    writer.WriteString("algorithm", context.ParseResult.GetValue(algorithm));
                    writer.WriteString("private", privatePath);
                    writer.WriteString("public", publicPath);
                    writer.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine($"key {key.KeyId[..16]}… ({context.ParseResult.GetValue(algorithm)}): {Path.GetFileName(privatePath)} is private, keep it secret; share {Path.GetFileName(publicPath)}");
            }

            return ExitCodes.Ok;
        });
        return new Command("key", "signing keys for checkpoints and attestations") { create };
    }

    // The private key is created readable by its owner only, before a byte of it is written.
    private static async Task WritePrivateAsync(string path, string pem, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(pem), cancellationToken);
    }
}
