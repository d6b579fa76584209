using System.Globalization;
using Npgsql;

namespace Verso.Postgres;

/// <summary>Reads <c>postgres://user:pass@host:port/db</c> URIs, the form Verso's command line takes.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>Whether <paramref name="text"/> is a PostgreSQL URI rather than a file path.</summary>
    public static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Turns a URI into an Npgsql connection string; a text that is not a URI is taken to be one already.
    /// Query parameters (e.g. <c>?sslmode=require</c>) become connection-string keywords.
    /// </summary>
    /// <exception cref="FormatException">The URI is malformed or names no database.</exception>
    public static string ToNpgsql(string uriOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uriOrConnectionString);
        if (!IsUri(uriOrConnectionString))
        {
            return uriOrConnectionString;
        }

        if (!Uri.TryCreate(uriOrConnectionString, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("a PostgreSQL store is postgres://user:pass@host:port/db");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new FormatException("the PostgreSQL URI names no database: postgres://user:pass@host:port/db");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "true" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException)
            {
                // A known keyword with a value it does not take is not an unknown option.
                throw new FormatException(builder.ContainsKey(key)
                    ? $"invalid value '{value}' for the PostgreSQL connection option '{key}' in the URI"
                    : $"unknown PostgreSQL connection option '{key}' in the URI");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>Where a connection string points, without its password: <c>host:port/db</c>.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database}");
    }
}
