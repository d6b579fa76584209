using System.Text.Json;
using Verso.Model.Kinds;
using Verso.Naming;

namespace Verso.Governance.Policies;

/// <summary>
/// The kinds review and promotion keep their records in: <c>policy</c> and <c>group</c> (written by people,
/// validated), <c>change-request</c> and <c>check</c> (reserved: written only by the change request and
/// check services, each pinning the version it is about).
/// </summary>
public static class PolicyKinds
{
    /// <summary>The kind of policy records.</summary>
    public const string PolicyKind = "policy";

    /// <summary>The kind of groups: named lists of people whose approvals a policy may require.</summary>
    public const string GroupKind = "group";

    /// <summary>The reserved kind of change requests; each version is one state of a request.</summary>
    public const string ChangeRequestKind = "change-request";

    /// <summary>The reserved kind of check results; each version is one result.</summary>
    public const string CheckKind = "check";

    /// <summary>Policies, validated.</summary>
    public static EntityKind Policy { get; } = new(PolicyKind) { Validator = new PolicyValidator() };

    /// <summary>Groups, validated.</summary>
    public static EntityKind Group { get; } = new(GroupKind) { Validator = new GroupValidator() };

    /// <summary>Change requests, pinning their base version so the store checks it exists with that hash.</summary>
    public static EntityKind ChangeRequest { get; } = new(ChangeRequestKind) { References = new PinAt("base") };

    /// <summary>Check results, pinning the version they are about.</summary>
    public static EntityKind Check { get; } = new(CheckKind) { References = new PinAt("target") };

    /// <summary>Registers the four kinds; safe to repeat on one registry.</summary>
    public static KindRegistry RegisterAll(KindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Register(Policy).Register(Group).Register(ChangeRequest).Register(Check);
    }

    /// <summary>Whether records of <paramref name="kind"/> are written by the services only, never saved directly.</summary>
    public static bool IsReserved(string kind) => kind is ChangeRequestKind or CheckKind;

    // A pin kept as "kind/id@N sha256:…" in one top-level string property; absent or null pins nothing.
    private sealed class PinAt(string property) : IReferenceReader
    {
        public IReadOnlyList<PinnedRef> ReferencesOf(JsonElement record) =>
            record.TryGetProperty(property, out var pin) && pin.ValueKind == JsonValueKind.String ? [PinnedRef.Parse(pin.GetString()!)] : [];
    }
}
