using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Versioning.Signatures;

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
        return new Command("key", "signing keys for checkpoints, attestations and events") { create, Use(globals, console) };
    }

    // verso key use PUB | --off: the store setting that requires every later tag move, policy change and apply to be
    // signed by that key (verso serve --signing-key, or $VERSO_SIGNING_KEY for the CLI's own writes).
    private static Command Use(GlobalOptions globals, CliConsole console)
    {
        var publicKey = new Argument<string?>("PUB") { Description = "the public key (PEM SPKI) events must be signed by from now on", Arity = ArgumentArity.ZeroOrOne };
        var off = new Option<bool>("--off") { Description = "stop requiring signed events (earlier ones stay checked)" };
        var by = new Option<string?>("--by") { Description = "who changes the setting (default: as for save)", HelpName = "WHO" };
        var use = new Command("use", "sign events: require every later tag move, policy change and change-request apply to be signed by this key") { publicKey, off, by };
        CommandAction.Set(use, globals, console, async (context, cancellationToken) =>
        {
            var path = context.ParseResult.GetValue(publicKey);
            var turnOff = context.ParseResult.GetValue(off);
            if ((path is null) == !turnOff)
            {
                throw new UsageException("give the public key PUB, or --off, not both");
            }

            var key = path is null ? null : await KeyFiles.ReadPublicAsync(context, path, cancellationToken);
            var who = await Author.ResolveAsync(context, by, cancellationToken);
            await EventSigning.SetKeyAsync(context.Store, key, who, cancellationToken: cancellationToken);
            console.Out.WriteLine(key is null
                ? "events are no longer required to be signed"
                : $"from now on every tag move, policy change and apply must be signed by key {key.KeyId[..16]}… (verso serve --signing-key KEY, or ${CommandContext.SigningKeyVariable})");
            return ExitCodes.Ok;
        });
        return use;
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
