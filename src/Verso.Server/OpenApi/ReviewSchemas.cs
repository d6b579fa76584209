using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

// Documentation of the JSON of the change-request, check and policy endpoints (ChangeRequestEndpoints,
// CheckEndpoints): requests as they read them, answers as they write them.
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class ProposeRequest
{
    public required string Kind { get; init; }
    public required string Id { get; init; }

    /// <summary>The proposed record.</summary>
    public required JsonObject Record { get; init; }
    public string? Message { get; init; }

    /// <summary>The version the proposal was made against; the head when left out.</summary>
    [Range(0, int.MaxValue)]
    public int? BaseVersion { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class ReviseRequest
{
    /// <summary>The new proposal, replacing the old one as the next revision.</summary>
    public required JsonObject Record { get; init; }
    public string? Message { get; init; }

    [Range(0, int.MaxValue)]
    public int? BaseVersion { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class ReviewRequest
{
    /// <summary>approve, reject or comment.</summary>
    public required string Verdict { get; init; }
    public string? Message { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class ActorRequest
{
    public string? Message { get; init; }

    /// <summary>Whom an act-as token acts for.</summary>
    public string? SavedBy { get; init; }
}

internal sealed class ActorInfo
{
    /// <summary>The token (or, without tokens, the person) that acted.</summary>
    public required string Name { get; init; }

    /// <summary>Whom an act-as token acted for.</summary>
    public string? ActingFor { get; init; }
}

internal sealed class ReviewInfo
{
    public required ActorInfo By { get; init; }

    /// <summary>approve, reject or comment.</summary>
    public required string Verdict { get; init; }
    public string? Message { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The revision of the proposal it reviewed.</summary>
    public required int Revision { get; init; }
}

internal sealed class ChangeRequestInfo
{
    public required string Id { get; init; }

    /// <summary>kind/id of the entity it would change.</summary>
    public required string Target { get; init; }
    public required int BaseVersion { get; init; }
    public string? BaseHash { get; init; }

    /// <summary>The proposed record.</summary>
    public required JsonObject Proposal { get; init; }
    public required ActorInfo Author { get; init; }
    public string? Message { get; init; }

    /// <summary>open, approved, rejected, applied, withdrawn or stale.</summary>
    public required string Status { get; init; }
    public required int Revision { get; init; }
    public required IReadOnlyList<ReviewInfo> Reviews { get; init; }

    /// <summary>Paths where the proposal conflicts with the head (a stale request).</summary>
    public required IReadOnlyList<string> Conflicts { get; init; }
    public int? AppliedVersion { get; init; }

    /// <summary>The version of the request itself, counting every change to it.</summary>
    public required int Version { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class ChangeRequestList
{
    public required IReadOnlyList<ChangeRequestInfo> Items { get; init; }
}

internal sealed class FieldChange
{
    public required string Path { get; init; }

    /// <summary>added, removed, modified or moved.</summary>
    public required string Change { get; init; }
    public required JsonNode? Old { get; init; }
    public required JsonNode? New { get; init; }
}

internal sealed class ChangeRequestDetail
{
    public required ChangeRequestInfo Request { get; init; }

    /// <summary>The target's head now (0: it has none).</summary>
    public required int HeadVersion { get; init; }
    public required IReadOnlyList<FieldChange> DiffBase { get; init; }
    public required IReadOnlyList<FieldChange> DiffHead { get; init; }
}

internal sealed class AppliedChangeRequest
{
    public required ChangeRequestInfo Request { get; init; }
    public required bool Applied { get; init; }

    /// <summary>Whether the head had moved and the proposal was merged into it.</summary>
    public required bool Merged { get; init; }
    public string? Ref { get; init; }
    public int? Version { get; init; }
    public required IReadOnlyList<string> Conflicts { get; init; }
}





internal sealed class PolicyInfo
{
    /// <summary>The policy version in force, as a ref.</summary>
    public required string Policy { get; init; }
    public required string Scope { get; init; }
    public required int Approvals { get; init; }
    public string? Group { get; init; }
    public required bool DirectSaves { get; init; }
    public required IReadOnlyList<string> RequiredChecks { get; init; }
    public required bool RollbackTagOnFail { get; init; }
}

internal sealed class PolicyList
{
    public required IReadOnlyList<PolicyInfo> Items { get; init; }
}
#pragma warning restore CA1812
