using System.Text.Json;
using Verso.Model.Kinds;
using Verso.Naming;

namespace Verso.Agents.Decisions;

/// <summary>A decision pins the charters of its executor and reviewer: the store checks and indexes them.</summary>
public sealed class DecisionReferences : IReferenceReader
{
    /// <summary>The shared instance.</summary>
    public static DecisionReferences Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<PinnedRef> ReferencesOf(JsonElement record)
    {
        if (!record.TryGetProperty("pinned_charters", out var pins) || pins.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. pins.EnumerateArray().Select(pin => PinnedRef.Parse($"{pin.GetProperty("ref").GetString()} {pin.GetProperty("hash").GetString()}"))];
    }
}
