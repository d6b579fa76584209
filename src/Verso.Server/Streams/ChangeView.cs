using Verso.Storage;

namespace Verso.Server.Streams;

/// <summary>
/// What the hub holds after a stream's cursor, taken in one step with the signal of the next change, so a
/// change landing after the look always wakes the stream.
/// </summary>
/// <param name="Behind">The cursor is older than the hub's memory: the stream reads the log itself up to <paramref name="Cursor"/>.</param>
/// <param name="Entries">The hub's entries after the cursor, oldest first (empty when behind).</param>
/// <param name="Cursor">The sequence the hub has read up to.</param>
/// <param name="Changed">Completes when the hub has read past <paramref name="Cursor"/>.</param>
internal readonly record struct ChangeView(bool Behind, IReadOnlyList<ChangeFrame> Entries, long Cursor, Task Changed);
