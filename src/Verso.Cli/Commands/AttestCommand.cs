using System.CommandLine;
using Verso.Governance.Checks;
using Verso.Cli.Infrastructure;
using Verso.Governance.Policies;
using Verso.Versioning.Signatures;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso attest REF --key KEY [--out FILE]</c>: a signed in-toto statement (DSSE envelope) about one version — its
/// hash, how it was made, its approvers, its checks and the policies that governed it — for supply-chain tooling.
/// </summary>
internal static class AttestCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version to attest, e.g. agent/alice@production" };
        var key = new Option<string>("--key", "-k") { Description = "the private key (PEM PKCS#8, from 'verso key new')", HelpName = "KEY", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "write the envelope to FILE instead of standard output", HelpName = "FILE" };
        var command = new Command("attest", "sign a statement about one version (DSSE envelope, in-toto Statement v1)") { reference, key, output };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            using var signer = await KeyFiles.ReadPrivateAsync(context, context.ParseResult.GetRequiredValue(key), cancellationToken);
            var service = context.CreateService();
            var version = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(reference), cancellationToken);
            var checks = await CheckLedger.ReadAsync(context.Store, version.Key, version.Version, cancellationToken);
            var policies = (await service.Policies.AllAsync(cancellationToken))
                .Where(p => p.Scope.Kind == PolicyScopeKind.Tag || (p.Scope.Kind == PolicyScopeKind.Kind && p.Scope.Name == version.Key.Kind)
                    || (p.Scope.Kind == PolicyScopeKind.Entity && p.Scope.Name == version.Key.ToString()));
            var envelope = ReleaseAttestation.Sign(version, checks, policies, signer);
            await SignedOutput.WriteAsync(context, envelope, context.ParseResult.GetValue(output), $"attestation of {version.Ref} ({version.Hash.Short()})", cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
