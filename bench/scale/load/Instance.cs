using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Verso.ScaleLoad;

// One `verso serve` process on the store, with an HTTP client of its own.
internal sealed class Instance : IAsyncDisposable
{
    private readonly Process _process;

    private Instance(Process process, Uri baseUri, int number)
    {
        _process = process;
        Number = number;
        BaseUri = baseUri;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public int Number { get; }

    public Uri BaseUri { get; }

    public HttpClient Client { get; }

    public static async Task<Instance> StartAsync(string verso, string store, int number)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(verso, ["--store", store, "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["Verso__Server__MaxStreamsPerToken"] = "1000" },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new Instance(process, new Uri($"http://127.0.0.1:{port}"), number);
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await instance.Client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return instance;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"verso serve #{number} did not become ready");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
