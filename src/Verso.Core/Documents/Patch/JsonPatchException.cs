using Verso.Errors;

namespace Verso.Documents.Patch;

/// <summary>
/// A JSON Patch (RFC 6902) could not be read or applied: the patch document is malformed, or one of its
/// operations failed against the document (a missing path, a bad array index, a failed <c>test</c>).
/// </summary>
public sealed class JsonPatchException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationIndex">The 0-based index of the failing operation; -1 when the patch document as a whole is wrong.</param>
    /// <param name="reason">What is wrong, without the operation's position.</param>
    /// <param name="operation">A short description of the operation such as <c>remove /nodes/7</c>, when known.</param>
    /// <param name="innerException">The underlying error, when there is one.</param>
    public JsonPatchException(int operationIndex, string reason, string? operation = null, Exception? innerException = null)
        : base(Format(operationIndex, reason, operation), innerException)
    {
        ArgumentNullException.ThrowIfNull(reason);
        OperationIndex = operationIndex;
        Reason = reason;
    }

    /// <summary>The 0-based index of the failing operation; -1 when the patch document itself is not a JSON array or not JSON.</summary>
    public int OperationIndex { get; }

    /// <summary>What is wrong, without the operation's position.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;

    private static string Format(int operationIndex, string reason, string? operation)
    {
        if (operationIndex < 0)
        {
            return $"patch document: {reason}";
        }

        return operation is null
            ? $"patch operation {operationIndex}: {reason}"
            : $"patch operation {operationIndex} ({operation}): {reason}";
    }
}
