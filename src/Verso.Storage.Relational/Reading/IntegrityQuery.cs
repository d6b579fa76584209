using System.Data.Common;

namespace Verso.Storage.Relational.Reading;

/// <summary>One statement verify runs and how its row maps.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Map">The mapping of one row.</param>
internal sealed record IntegrityQuery<T>(string Sql, Func<DbDataReader, T> Map);
