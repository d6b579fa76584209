using System.Globalization;
using System.Reflection;

namespace Verso.Storage;

/// <summary>
/// One numbered step of a store's schema, kept as an embedded <c>NNN_description.sql</c> file; the number
/// is the schema version the step leads to. Backends apply the missing steps in order inside <c>init</c>.
/// </summary>
/// <param name="Version">The schema version after this step.</param>
/// <param name="Sql">The DDL of the step.</param>
public sealed record SchemaMigration(int Version, string Sql)
{
    /// <summary>Loads every <c>NNN_*.sql</c> resource under <paramref name="resourcePrefix"/>, ordered by number.</summary>
    /// <exception cref="InvalidOperationException">No migration is embedded, or two share a number.</exception>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<SchemaMigration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            var number = int.Parse(name.AsSpan(resourcePrefix.Length, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SchemaMigration(number, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (migrations.Count == 0 || migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
        {
            throw new InvalidOperationException($"the schema migrations under {resourcePrefix} are missing or numbered twice");
        }

        return migrations;
    }
}
