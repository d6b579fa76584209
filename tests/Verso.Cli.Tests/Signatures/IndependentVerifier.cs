using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Verso.Cli.Tests.Signatures;

/// <summary>
/// Checks and makes DSSE envelopes with tools that are not Verso: Debian's python3-securesystemslib (through
/// dsse_tool.py, which computes the PAE from the DSSE spec itself) and the openssl command.
/// </summary>
internal static class IndependentVerifier
{
    private static readonly Lazy<string> PythonWithSecuresystemslib = new(FindPython);

    public static (int ExitCode, string Output) Securesystemslib(params string[] arguments) =>
        Run(PythonWithSecuresystemslib.Value, [Path.Combine(AppContext.BaseDirectory, "Signatures", "dsse_tool.py"), .. arguments]);

    /// <summary>openssl's verdict on the envelope's first signature over its PAE, under the public key file.</summary>
    public static (int ExitCode, string Output) Openssl(string envelopePath, string publicKeyPath, bool ecdsa)
    {
        var directory = Path.GetDirectoryName(envelopePath)!;
        using var envelope = JsonDocument.Parse(File.ReadAllText(envelopePath));
        var payload = Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!);
        var type = Encoding.UTF8.GetBytes(envelope.RootElement.GetProperty("payloadType").GetString()!);
        var pae = Path.Combine(directory, "pae.bin");
        var signature = Path.Combine(directory, "sig.bin");
        File.WriteAllBytes(pae, [.. Encoding.ASCII.GetBytes($"DSSEv1 {type.Length} "), .. type, .. Encoding.ASCII.GetBytes($" {payload.Length} "), .. payload]);
        File.WriteAllBytes(signature, Convert.FromBase64String(envelope.RootElement.GetProperty("signatures")[0].GetProperty("sig").GetString()!));
        return ecdsa
            ? Run("openssl", "dgst", "-sha256", "-verify", publicKeyPath, "-signature", signature, pae)
            : Run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", publicKeyPath, "-rawin", "-in", pae, "-sigfile", signature);
    }

    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    // Debian's package installs into the system Python; a python3 earlier on PATH may be another one.
    private static string FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(candidate, "-c", "import securesystemslib, cryptography").ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed under that name
            }
        }

        throw new InvalidOperationException("no python3 with securesystemslib: install Debian's python3-securesystemslib (.ci/run does)");
    }
}
