using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Verso.Cli.Serving;

/// <summary>
/// "port 5180 is in use; try --port 5181": what <c>verso serve</c> says, in one line, when Kestrel cannot bind,
/// instead of the host's stack trace.
/// </summary>
internal static class BusyPort
{
    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says an address is already in use.</summary>
    public static bool IsAddressInUse(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one line for a bind that failed on <paramref name="addresses"/>.</summary>
    public static string Message(IReadOnlyList<string> addresses)
    {
        var ports = addresses.Select(PortOf).Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();
        if (ports.Count != 1)
        {
            return $"an address of {string.Join(", ", addresses)} is in use; pick another with --urls or --port";
        }

        var port = ports[0];
        return NextFree(port) is { } free ? $"port {port} is in use; try --port {free}" : $"port {port} is in use; try another --port";
    }

    private static int? PortOf(string url)
    {
        var normalized = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) ? uri.Port : null;
    }

    // The first of the next few ports that loopback can bind now (a hint, not a reservation).
    private static int? NextFree(int port)
    {
        for (var candidate = port + 1; candidate <= Math.Min(port + 20, IPEndPoint.MaxPort); candidate++)
        {
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, candidate);
                listener.Start();
                listener.Stop();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken too: the next one.
            }
        }

        return null;
    }
}
