using System.Globalization;

namespace Verso.Cli.Infrastructure;

/// <summary>How the command writes instants: ISO 8601 in UTC for machines, to the second for tables.</summary>
internal static class Timestamps
{
    public static string ForJson(DateTimeOffset instant) => Verso.Naming.Timestamp.Format(instant);

    public static string ForTable(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
