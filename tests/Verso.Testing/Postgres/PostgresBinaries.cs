using System.Diagnostics;

namespace Verso.Testing.Postgres;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl) the test server is made with.</summary>
public static class PostgresBinaries
{
    /// <summary>The directory holding initdb and pg_ctl.</summary>
    /// <exception cref="InvalidOperationException">No such directory: the message says how to install PostgreSQL.</exception>
    public static string Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("VERSO_PG_BINDIR") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.Add(PgConfigBinDirectory() ?? "");
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            // The newest major version first.
            candidates.AddRange(Directory.GetDirectories(Debian)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found via VERSO_PG_BINDIR, pg_config --bindir or /usr/lib/postgresql/*/bin; "
                + "install them with: apt-get install postgresql");
    }

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            var output = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
