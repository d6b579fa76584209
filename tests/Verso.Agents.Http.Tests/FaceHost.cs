using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Agents.Http.Tests;

/// <summary>
/// Verso's server over a real SQLite file, composed as a host composes it, with or without the Agents face
/// (<c>AddVersoAgentsApi</c>): the face is what adds the decisions, so each test can see what it brings.
/// </summary>
internal sealed class FaceHost : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private FaceHost(TempDirectory directory, WebApplication app, SqliteVersionStore store)
    {
        _directory = directory;
        App = app;
        Store = store;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public SqliteVersionStore Store { get; }

    public HttpClient Client { get; }

    /// <param name="faces">How many times the host registers the Agents face (0: the server alone).</param>
    public static async Task<FaceHost> StartAsync(int faces)
    {
        var directory = new TempDirectory();
        var store = SqliteVersionStore.ForFile(directory.File("verso.db"));
        await store.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()));
        builder.Services.AddSingleton<Storage.IVersionStore>(store);
        builder.Services.AddVerso();
        builder.Services.AddVersoServer();
        for (var i = 0; i < faces; i++)
        {
            builder.Services.AddVersoAgentsApi();
        }

        var app = builder.Build();
        app.UseVersoServer();
        app.MapVersoApi();
        await app.StartAsync();
        return new FaceHost(directory, app, store);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
