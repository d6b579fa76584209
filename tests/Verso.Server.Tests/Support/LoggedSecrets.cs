using System.Security.Cryptography;
using System.Text;
using Verso.Errors;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Server.Tests.Support;

/// <summary>
/// Finds token secrets in log lines without anyone registering them: every token a test made has its
/// SHA-256 in the store (every version of every <c>verso-token</c> record), so each 43-character
/// base64url run of a line is tried as the secret of each of those names. Run on every server a suite
/// hosts (see <see cref="VersoApiFactory"/>), so a secret logged by any test fails that test.
/// </summary>
public static class LoggedSecrets
{
    // Base64url of 32 random bytes, as TokenStore writes a secret.
    private const int SecretLength = 43;

    /// <summary>The lines that hold the secret of a token the store knows, each with the token's name.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IVersionStore store, IEnumerable<string> lines)
    {
        var hashes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        try
        {
            await foreach (var head in store.ListEntitiesAsync(TokenStore.Kind))
            {
                await foreach (var version in store.GetHistoryAsync(head.Key, 0, int.MaxValue))
                {
                    if (version.HasContent)
                    {
                        var record = TokenRecord.FromJson(version.Content);
                        (hashes.TryGetValue(record.Name, out var known) ? known : hashes[record.Name] = []).Add(record.Sha256);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is VersoException or ObjectDisposedException)
        {
            // A store the test broke or closed on purpose holds no tokens to look for.
            return [];
        }

        var leaks = new List<string>();
        foreach (var line in lines)
        {
            foreach (var candidate in Candidates(line))
            {
                foreach (var (name, known) in hashes)
                {
                    var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"vt1.{name}.{candidate}")));
                    if (known.Contains(hash))
                    {
                        leaks.Add($"the secret of token '{name}' in: {line}");
                    }
                }
            }
        }

        return leaks;
    }

    // Every 43-character window of every run of base64url characters at least that long.
    private static IEnumerable<string> Candidates(string line)
    {
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '-' or '_'))
            {
                continue;
            }

            for (var s = start; s + SecretLength <= i; s++)
            {
                yield return line.Substring(s, SecretLength);
            }

            start = i + 1;
        }
    }
}
