using System.Net;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Signatures;

public sealed class ScheduledCheckpointTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task TheServerWritesASignedCheckpointAtStartAndServesItForVerificationWithoutVerso()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v.json", """{"n":1}""");
        await _verso.RunAsync("save", "note", "alice", "v.json", "--by", "ops", "--new-kind");
        await _verso.RunAsync("key", "new", "ops");

        HttpResponseMessage latest;
        await using (var serve = await ServeProcess.StartAsync(_verso.PathOf("verso.db"), _verso.Directory.Path,
            "--checkpoint-every", "01:00:00", "--checkpoint-dir", "checkpoints", "--checkpoint-key", "ops.key"))
        {
            using var client = serve.Client();
            latest = await client.GetAsync("/api/v1/checkpoints/latest");
            // The first checkpoint is written as the server starts; wait for it (bounded) rather than for a time.
            for (var attempt = 0; attempt < 300 && latest.StatusCode == HttpStatusCode.NotFound; attempt++)
            {
                await Task.Delay(100);
                latest = await client.GetAsync("/api/v1/checkpoints/latest");
            }

            _verso.WriteFile("fetched.json", await latest.Content.ReadAsStringAsync());
        }

        var python = IndependentVerifier.Securesystemslib("verify", _verso.PathOf("fetched.json"), _verso.PathOf("ops.pub"));
        var verify = await _verso.RunAsync("verify", "--since", "fetched.json", "--key", "ops.pub");

        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal("application/vnd.dsse.envelope.v1+json", latest.Content.Headers.ContentType?.MediaType);
        Assert.Single(Directory.GetFiles(_verso.PathOf("checkpoints"), "checkpoint-*.dsse.json"));
        Assert.True(python.ExitCode == 0, python.Output);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Theory]
    [InlineData("--checkpoint-every needs --checkpoint-dir", "--checkpoint-every", "01:00:00")]
    [InlineData("go with --checkpoint-every", "--checkpoint-dir", "cps")]
    [InlineData("takes a positive interval", "--checkpoint-every", "-00:01:00", "--checkpoint-dir", "cps")]
    [InlineData("no key file at missing.key", "--checkpoint-every", "01:00:00", "--checkpoint-dir", "cps", "--checkpoint-key", "missing.key")]
    public async Task AnIncompleteScheduleIsAUsageErrorBeforeTheServerStarts(string message, params string[] options)
    {
        await _verso.InitializedAsync();

        var serve = await _verso.RunAsync(["serve", "--urls", "http://127.0.0.1:0", .. options]);

        Assert.Equal(2, serve.ExitCode);
        Assert.Contains(message, serve.Stderr, StringComparison.Ordinal);
    }
}
