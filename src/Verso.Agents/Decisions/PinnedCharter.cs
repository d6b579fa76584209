using Verso.Model.Snapshots;

namespace Verso.Agents.Decisions;

/// <summary>An exact agent version a decision rests on; both members are required.</summary>
public sealed record PinnedCharter
{
    /// <summary>Required. The version, e.g. <c>agent/alice@3</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>Required. Its content hash, <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public required string Hash { get; init; }

    /// <summary>The pin of exactly <paramref name="charter"/>: its ref and its content hash.</summary>
    public static PinnedCharter Of(Snapshot charter)
    {
        ArgumentNullException.ThrowIfNull(charter);
        return new PinnedCharter { Ref = charter.Ref.ToString(), Hash = charter.Hash.ToString() };
    }
}
