using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Verso.Naming;
using Verso.Server.Checkpoints;
using Verso.Versioning.Signatures;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Server.Tests;

public sealed class CheckpointScheduleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task EachScheduledCheckpointChainsToTheOneBeforeAndLatestIsTheNewest()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        File.WriteAllText(_directory.File("ops.key"), key.ToPem());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var provider = Services(time, _directory.File("ops.key"));
        var service = provider.GetRequiredService<Versioning.VersioningService>();
        var writer = provider.GetRequiredService<CheckpointWriter>();

        await service.SaveAsync(EntityKey.Create("note", "a"), """{"n":1}"""u8.ToArray(), new Versioning.SaveOptions("ops"));
        var first = await writer.WriteAsync();
        time.Advance(TimeSpan.FromHours(1));
        await service.SaveAsync(EntityKey.Create("note", "a"), """{"n":2}"""u8.ToArray(), new Versioning.SaveOptions("ops"));
        var second = await writer.WriteAsync();

        var one = Open(first!, key);
        var two = Open(second!, key);
        var latest = Open(writer.LatestPath!, key);
        two.EnsureFollows(one);

        Assert.NotEqual(first, second);
        Assert.Equal(two.Digest, latest.Digest);
        Assert.Equal(2, Assert.Single(two.Checkpoint.Entities, e => e.Key.Kind == "note").Version);
    }

    [Fact]
    public async Task WithoutAKeyTheCheckpointsArePlainTextAndNothingIsServedBeforeTheFirst()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var provider = Services(time, keyPath: null);
        var writer = provider.GetRequiredService<CheckpointWriter>();

        var before = writer.LatestPath;
        var written = await writer.WriteAsync();

        Assert.Null(before);
        Assert.StartsWith("verso checkpoint 1\n", File.ReadAllText(written!), StringComparison.Ordinal);
        Assert.EndsWith(CheckpointScheduleOptions.LatestText, writer.LatestPath, StringComparison.Ordinal);
    }

    private ServiceProvider Services(FakeTimeProvider time, string? keyPath)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IVersionStore>(new InMemoryVersionStore());
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddVerso();
        services.AddVersoServer();
        services.Configure<CheckpointScheduleOptions>(options =>
        {
            options.Every = TimeSpan.FromHours(1);
            options.Directory = _directory.File("checkpoints");
            options.KeyPath = keyPath;
        });
        return services.BuildServiceProvider();
    }

    private static SignedCheckpoint Open(string path, SigningKey key) =>
        SignedCheckpoint.Open(DsseEnvelope.Parse(File.ReadAllText(path)), key.PublicKey);
}
