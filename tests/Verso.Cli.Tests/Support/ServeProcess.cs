using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Verso.Cli.Tests.Support;

/// <summary>A real <c>verso serve</c> process on a free loopback port, stopped with SIGTERM on dispose.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every line the server wrote to stdout and stderr (its log), complete once it was disposed.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<ServeProcess> StartAsync(string store, string workingDirectory, params string[] serveOptions)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var (program, prefix) = VersoExecutable.Command;
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in prefix.Concat(["--store", store, "serve", "--urls", address.ToString().TrimEnd('/'), .. serveOptions]))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var serve = new ServeProcess(process, address);
        process.OutputDataReceived += (_, line) => Keep(serve, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(serve, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address };
        // Wait until it answers; bounded, so a server that never comes up fails the test instead of hanging it.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"verso serve exited with {process.ExitCode}");
            }

            try
            {
                if ((await probe.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await serve.DisposeAsync();
        throw new TimeoutException("verso serve did not become ready");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the graceful stop the host performs under an orchestrator.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static void Keep(ServeProcess serve, string? line)
    {
        if (line is not null)
        {
            serve.Lines.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
