using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Verso.Storage.Relational.Reading;

// Shared by the SQL stores (SQLite, PostgreSQL). The rows verify reads, with every
// failure met on the way in a user's words: a driver error (a damaged page stops a scan) as the store's
// translation, and a row edited past its column's meaning (text where a number belongs, a hash that is
// not hex) as a corrupt store, so the verifier can report it and go on.
internal static class IntegrityRows
{
    public static async IAsyncEnumerable<T> ReadAsync<TReader, TException, T>(
        DbCommand command,
        Func<TReader, T> map,
        Func<TException, Exception> translate,
        string where,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TReader : DbDataReader
        where TException : DbException
    {
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TException exception)
        {
            throw translate(exception);
        }

        await using (reader)
        {
            while (true)
            {
                T item;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    item = map((TReader)reader);
                }
                catch (TException exception)
                {
                    throw translate(exception);
                }
                catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException or Errors.InvalidNameException)
                {
                    throw new Errors.StoreFailureException(where, Errors.StoreFailureCause.Corrupt, $"a row of {where} holds a value Verso never writes: {exception.Message}", exception);
                }

                yield return item;
            }
        }
    }
}
