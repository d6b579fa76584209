namespace Verso.Errors;

/// <summary>
/// A store that can say what a driver error means. Each face (the CLI's command runner, the server's
/// problem mapper) asks the store it uses once, at its edge, so a database error becomes a
/// <see cref="StoreFailureException"/> with a cause instead of a trace.
/// </summary>
public interface IStoreFaultTranslator
{
    /// <summary>The Verso error for <paramref name="exception"/>, or null when it is not a driver error of this store.</summary>
    VersoException? Translate(Exception exception);
}
