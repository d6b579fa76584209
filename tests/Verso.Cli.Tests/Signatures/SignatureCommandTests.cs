using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Signatures;

public sealed class SignatureCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ecdsa-p256")]
    public async Task ASignedCheckpointVerifiesInVersoInSecuresystemslibAndInOpenssl(string algorithm)
    {
        await SavedAsync(3);
        var key = await _verso.RunAsync("key", "new", "ops", "--algorithm", algorithm);
        var signed = await _verso.RunAsync("checkpoint", "--sign", "ops.key", "--out", "cp.json");

        var verso = await _verso.RunAsync("verify", "--since", "cp.json", "--key", "ops.pub");
        var python = IndependentVerifier.Securesystemslib("verify", _verso.PathOf("cp.json"), _verso.PathOf("ops.pub"));
        var openssl = IndependentVerifier.Openssl(_verso.PathOf("cp.json"), _verso.PathOf("ops.pub"), algorithm != "ed25519");
        using var envelope = JsonDocument.Parse(File.ReadAllText(_verso.PathOf("cp.json")));

        Assert.True(key.ExitCode == 0, key.ToString());
        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.True(verso.ExitCode == 0, verso.ToString());
        Assert.True(python.ExitCode == 0, python.Output);
        Assert.True(openssl.ExitCode == 0, openssl.Output);
        Assert.Equal("application/vnd.in-toto+json", envelope.RootElement.GetProperty("payloadType").GetString());
        Assert.Contains("Verified", openssl.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AHistoryRewrittenAfterASignedCheckpointIsCaughtWithTheSignatureIntact()
    {
        await SavedAsync(3);
        await _verso.RunAsync("key", "new", "ops");
        await _verso.RunAsync("checkpoint", "--sign", "ops.key", "--out", "cp.json");
        await ExecuteAsync("""
            DELETE FROM versions WHERE version = 3;
            UPDATE entities SET head = 2, head_hash = (SELECT hash FROM versions WHERE version = 2) WHERE head = 3;
            """);

        var since = await _verso.RunAsync("verify", "--since", "cp.json", "--key", "ops.pub");
        var python = IndependentVerifier.Securesystemslib("verify", _verso.PathOf("cp.json"), _verso.PathOf("ops.pub"));

        Assert.Equal(0, python.ExitCode);
        Assert.Equal(1, since.ExitCode);
        Assert.Contains("broken note/alice@3: missing: the history was cut back to version 2", since.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedPayloadAWrongKeyAndAReplayedCheckpointAreEachRefusedWithOneLine()
    {
        await SavedAsync(1);
        await _verso.RunAsync("key", "new", "ops");
        await _verso.RunAsync("key", "new", "other");
        await _verso.RunAsync("checkpoint", "--sign", "ops.key", "--out", "first.json");
        await SavedAsync(1, from: 2);
        var chained = await _verso.RunAsync("checkpoint", "--sign", "ops.key", "--previous", "first.json", "--out", "second.json");
        _verso.WriteFile("tampered.json", Tamper(File.ReadAllText(_verso.PathOf("second.json"))));

        var tampered = await _verso.RunAsync("verify", "--since", "tampered.json", "--key", "ops.pub");
        var wrongKey = await _verso.RunAsync("verify", "--since", "second.json", "--key", "other.pub");
        var replayed = await _verso.RunAsync("verify", "--since", "first.json", "--key", "ops.pub", "--previous", "second.json");
        var inOrder = await _verso.RunAsync("verify", "--since", "second.json", "--key", "ops.pub", "--previous", "first.json");
        var pythonTampered = IndependentVerifier.Securesystemslib("verify", _verso.PathOf("tampered.json"), _verso.PathOf("ops.pub"));

        Assert.True(chained.ExitCode == 0, chained.ToString());
        Assert.True(inOrder.ExitCode == 0, inOrder.ToString());
        Assert.Equal(1, pythonTampered.ExitCode);
        AssertRefused(tampered, "does not match the payload");
        AssertRefused(wrongKey, "not signed by key");
        AssertRefused(replayed, "an older checkpoint replayed");
    }

    [Fact]
    public async Task EnvelopesSignedBySecuresystemslibAndByOpensslVerifyInVerso()
    {
        await SavedAsync(2);
        await _verso.RunAsync("key", "new", "ops");
        await _verso.RunAsync("checkpoint", "--sign", "ops.key", "--out", "cp.json");
        using var ours = JsonDocument.Parse(File.ReadAllText(_verso.PathOf("cp.json")));
        var payload = Convert.FromBase64String(ours.RootElement.GetProperty("payload").GetString()!);
        File.WriteAllBytes(_verso.PathOf("payload.json"), payload);
        IndependentVerifier.Run("openssl", "genpkey", "-algorithm", "ED25519", "-out", _verso.PathOf("ossl.key"));
        IndependentVerifier.Run("openssl", "pkey", "-in", _verso.PathOf("ossl.key"), "-pubout", "-out", _verso.PathOf("ossl.pub"));
        IndependentVerifier.Run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", _verso.PathOf("ec.key"));
        IndependentVerifier.Run("openssl", "pkey", "-in", _verso.PathOf("ec.key"), "-pubout", "-out", _verso.PathOf("ec.pub"));
        var python = IndependentVerifier.Securesystemslib("sign", _verso.PathOf("payload.json"), "application/vnd.in-toto+json", _verso.PathOf("ec.key"));
        _verso.WriteFile("python.json", python.Output);
        var pae = Encoding.ASCII.GetBytes($"DSSEv1 28 application/vnd.in-toto+json {payload.Length} ").Concat(payload).ToArray();
        File.WriteAllBytes(_verso.PathOf("pae.bin"), pae);
        var sign = IndependentVerifier.Run("openssl", "pkeyutl", "-sign", "-inkey", _verso.PathOf("ossl.key"), "-rawin", "-in", _verso.PathOf("pae.bin"), "-out", _verso.PathOf("sig.bin"));
        _verso.WriteFile("openssl.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["payloadType"] = "application/vnd.in-toto+json",
            ["payload"] = Convert.ToBase64String(payload),
            ["signatures"] = new[] { new Dictionary<string, string> { ["keyid"] = "", ["sig"] = Convert.ToBase64String(File.ReadAllBytes(_verso.PathOf("sig.bin"))) } },
        }));

        var fromPython = await _verso.RunAsync("verify", "--since", "python.json", "--key", "ec.pub");
        var fromOpenssl = await _verso.RunAsync("verify", "--since", "openssl.json", "--key", "ossl.pub");
        var underOurs = await _verso.RunAsync("verify", "--since", "openssl.json", "--key", "ops.pub");

        Assert.True(python.ExitCode == 0, python.Output);
        Assert.True(sign.ExitCode == 0, sign.Output);
        Assert.True(fromPython.ExitCode == 0, fromPython.ToString());
        Assert.True(fromOpenssl.ExitCode == 0, fromOpenssl.ToString());
        AssertRefused(underOurs, "does not match the payload");
    }

    [Fact]
    public async Task AnAttestationNamesTheVersionItsHashAndItsChecksAndVerifiesWithoutVerso()
    {
        await SavedAsync(2);
        await _verso.RunAsync("key", "new", "release", "--algorithm", "ecdsa-p256");
        await _verso.RunAsync("check", "note/alice@2", "--name", "evals", "--result", "pass", "--by", "ci");
        var show = (await _verso.RunAsync("--json", "show", "note/alice@2")).Json();

        var attest = await _verso.RunAsync("attest", "note/alice@2", "--key", "release.key", "--out", "att.json");
        var python = IndependentVerifier.Securesystemslib("verify", _verso.PathOf("att.json"), _verso.PathOf("release.pub"));
        using var envelope = JsonDocument.Parse(File.ReadAllText(_verso.PathOf("att.json")));
        using var statement = JsonDocument.Parse(Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!));
        var subject = statement.RootElement.GetProperty("subject")[0];
        var predicate = statement.RootElement.GetProperty("predicate");

        Assert.True(attest.ExitCode == 0, attest.ToString());
        Assert.True(python.ExitCode == 0, python.Output);
        Assert.Equal("note/alice@2", subject.GetProperty("name").GetString());
        Assert.Equal(show.GetProperty("hash").GetString(), "sha256:" + subject.GetProperty("digest").GetProperty("sha256").GetString());
        Assert.Equal("https://verso.dev/release/v1", statement.RootElement.GetProperty("predicateType").GetString());
        Assert.Equal("evals", predicate.GetProperty("checks")[0].GetProperty("name").GetString());
        Assert.Equal("pass", predicate.GetProperty("checks")[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task MisusedOptionsAreUsageErrors()
    {
        await SavedAsync(1);
        await _verso.RunAsync("key", "new", "ops");
        await _verso.RunAsync("checkpoint", "--sign", "ops.key", "--out", "cp.json");

        var again = await _verso.RunAsync("key", "new", "ops");
        var previousAlone = await _verso.RunAsync("checkpoint", "--previous", "cp.json");
        var noKey = await _verso.RunAsync("verify", "--since", "cp.json");
        var privateAsPublic = await _verso.RunAsync("verify", "--since", "cp.json", "--key", "ops.key");
        var missing = await _verso.RunAsync("attest", "note/alice@1", "--key", "nowhere.key");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("ops.key exists", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, previousAlone.ExitCode);
        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("give --key PUB", noKey.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, privateAsPublic.ExitCode);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no key file at nowhere.key", missing.Stderr, StringComparison.Ordinal);
    }

    private static void AssertRefused(CliResult result, string reason)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    // Changes one entity's version inside the signed statement, keeping the signature: what an attacker who can
    // write the checkpoint file but has no key can do.
    private static string Tamper(string envelopeJson)
    {
        using var envelope = JsonDocument.Parse(envelopeJson);
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!));
        var changed = payload.Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal);
        Assert.NotEqual(payload, changed);
        return envelopeJson.Replace(envelope.RootElement.GetProperty("payload").GetString()!, Convert.ToBase64String(Encoding.UTF8.GetBytes(changed)), StringComparison.Ordinal);
    }

    private async Task SavedAsync(int count, int from = 1)
    {
        if (from == 1)
        {
            await _verso.InitializedAsync();
        }

        for (var n = from; n < from + count; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            var saved = await _verso.RunAsync("save", "note", "alice", "v.json", "--by", "ops", "--new-kind");
            Assert.True(saved.ExitCode == 0, saved.ToString());
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using (var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }
}
