using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Verso.Testing.Postgres;

/// <summary>
/// A private PostgreSQL server for tests: <c>initdb</c> into a temporary directory, <c>pg_ctl</c> on
/// 127.0.0.1 with a free port, stopped and removed on dispose. PostgreSQL refuses to run as root, so
/// when the tests run as root the server runs as the unprivileged <c>postgres</c> user (created by the
/// postgresql package; created here if missing) through <c>runuser</c>.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string User = "verso";
    public const string Password = "verso-test-password";

    private readonly string _binDirectory;
    private readonly string? _runAs;
    private readonly string _root;
    private int _databases;

    private readonly bool _durable;
    private readonly string _settings;

    private PostgresServer(string binDirectory, string? runAs, string root, int port, bool durable, IEnumerable<string> settings)
    {
        _durable = durable;
        _settings = string.Concat(settings.Select(setting => " -c " + setting));
        _binDirectory = binDirectory;
        _runAs = runAs;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Creates, configures and starts a new server.</summary>
    /// <param name="durable">
    /// Keep PostgreSQL's fsync on, as a production server has it (benchmarks). Tests turn it off: they
    /// restart the server but never the machine, so the operating system keeps every write anyway.
    /// </param>
    /// <param name="settings">
    /// More server settings as <c>name=value</c> (a scale run sizes <c>shared_buffers</c> to its store, as a team would).
    /// </param>
    /// <exception cref="InvalidOperationException">The PostgreSQL binaries are not installed.</exception>
    public static async Task<PostgresServer> StartAsync(bool durable = false, IEnumerable<string>? settings = null)
    {
        var binDirectory = PostgresBinaries.Find();
        var runAs = geteuid() == 0 ? await EnsureUnprivilegedUserAsync() : null;
        var root = Path.Combine(Path.GetTempPath(), "verso-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, root]);
        }

        var server = new PostgresServer(binDirectory, runAs, root, FreePort(), durable, settings ?? []);
        await server.RunToolAsync("initdb", [
            "-D", server.DataDirectory, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
            "-E", "UTF8", "--no-locale", "--no-sync"]);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A new, empty database on this server, as a <c>postgres://</c> URI.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var number = Interlocked.Increment(ref _databases);
        var name = string.Create(CultureInfo.InvariantCulture, $"verso_{number}_{Guid.NewGuid():N}")[..40];
        await RunClientAsync("createdb", [name]);
        return UriFor(name);
    }

    /// <summary>The URI of a database on this server, with the given password.</summary>
    public string UriFor(string database, string password = Password) =>
        string.Create(CultureInfo.InvariantCulture, $"postgres://{User}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port}/{database}");

    /// <summary>Stops the server the hard way (as a crash would) or the polite way.</summary>
    public Task StopAsync(bool immediate = false) =>
        RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"]);

    /// <summary>Starts the server again on the same port, after <see cref="StopAsync"/>.</summary>
    public Task StartServerAsync() =>
        RunToolAsync("pg_ctl", [
            "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "120",
            "-o", string.Create(CultureInfo.InvariantCulture,
                $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c max_connections=300 {(_durable ? "" : "-c fsync=off -c full_page_writes=off")}{_settings}"),
            "start"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> args)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _runAs is null ? RunAsync(path, args) : RunAsync("runuser", ["-u", _runAs, "--", path, .. args]);
    }

    private Task RunClientAsync(string tool, IReadOnlyList<string> args) =>
        RunAsync(
            Path.Combine(_binDirectory, tool),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, .. args],
            new Dictionary<string, string> { ["PGPASSWORD"] = Password });

    private static async Task<string> EnsureUnprivilegedUserAsync()
    {
        const string Name = "postgres";
        if ((await TryRunAsync("id", ["-u", Name])).ExitCode != 0)
        {
            await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Name]);
        }

        return Name;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = await TryRunAsync(file, args, environment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {exitCode}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server holding our pipes; read stderr/stdout without waiting for EOF forever.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5))) is Task<string[]> both
            ? string.Join('\n', both.Result)
            : "";
        return (process.ExitCode, output.Trim());
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
