using System.Text.Json;
using Verso.Naming;

namespace Verso.Model.Kinds;

/// <summary>Reads the versions a record of one kind refers to, so the store can check and index them.</summary>
public interface IReferenceReader
{
    /// <summary>The exact versions the record pins.</summary>
    IReadOnlyList<PinnedRef> ReferencesOf(JsonElement record);
}
