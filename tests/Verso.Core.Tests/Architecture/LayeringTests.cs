using System.Reflection;
using Verso.Documents.Canonical;

namespace Verso.Core.Tests.Architecture;

/// <summary>
/// The layers inside Core, checked by reflection in the way NodaTime checks its design rules
/// (<c>MutabilityTest</c>): the document layers (canonical JSON, hashing, pointers, patch, diff, merge, blame)
/// work on JSON values alone and must not reach for a store, the versioning service, change requests or the
/// governance above them. Signatures and method bodies both count, so a helper that quietly calls a service is caught.
/// </summary>
public sealed class LayeringTests
{
    internal static readonly string[] DocumentLayers =
        ["Verso.Documents.Canonical", "Verso.Documents.Hashing", "Verso.Documents.Pointers", "Verso.Documents.Patch", "Verso.Documents.Diff", "Verso.Documents.Merge", "Verso.Documents.Blame"];

    internal static readonly string[] StatefulLayers =
        ["Verso.Storage", "Verso.Versioning", "Verso.Governance.ChangeRequests", "Verso.Governance.Checks", "Verso.Governance.Policies", "Verso.Storage.History", "Verso.Storage.Retention", "Verso.Storage.Integrity"];

    [Fact]
    public void TheDocumentLayersReferenceNoStorageVersioningOrChangeRequestType()
    {
        var core = typeof(CanonicalJson).Assembly;
        var offences = DocumentTypes(core)
            .SelectMany(type => TypeReferences.Of(type).Where(IsStateful).Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offences.Count == 0, "the document layers must not depend on the stateful ones:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void TheRuleSeesEveryDocumentLayer()
    {
        // A renamed folder would leave the rule checking nothing; each layer must still hold types.
        var namespaces = DocumentTypes(typeof(CanonicalJson).Assembly).Select(t => t.Namespace).ToHashSet(StringComparer.Ordinal);

        Assert.All(DocumentLayers, layer => Assert.Contains(layer, namespaces));
    }

    [Fact]
    public void TheRuleCatchesABodyThatCallsAStatefulType()
    {
        // The check itself must see inside a method body, not only its signature.
        var used = TypeReferences.Of(typeof(Offender)).ToList();

        Assert.Contains(used, t => t == typeof(Verso.Storage.IVersionStore));
    }

    internal static IEnumerable<Type> DocumentTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => DocumentLayers.Any(layer => t.Namespace == layer || t.Namespace?.StartsWith(layer + ".", StringComparison.Ordinal) == true));

    private static bool IsStateful(Type type) =>
        StatefulLayers.Any(layer => type.Namespace == layer || type.Namespace?.StartsWith(layer + ".", StringComparison.Ordinal) == true);

    private static class Offender
    {
        public static string Name() => typeof(Verso.Storage.IVersionStore).Name;
    }
}
