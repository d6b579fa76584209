using Verso.Documents.Canonical;

namespace Verso.Core.Tests.Architecture;

/// <summary>
/// Core's folders are grouped by layer (docs/architecture.md): every type lives under one of the layer roots, so
/// a new capability is added inside its layer, never as another sibling folder at Core's root where the layers
/// no longer show.
/// </summary>
public sealed class LayerFolderTests
{
    // The bottom layer (names and errors) stays at the root: nearly every file uses it.
    private static readonly string[] Roots =
        ["Verso.Naming", "Verso.Errors", "Verso.Documents.", "Verso.Model.", "Verso.Storage", "Verso.Versioning", "Verso.Governance.",
         "Microsoft.Extensions.DependencyInjection"];

    [Fact]
    public void EveryCoreTypeLivesInALayer()
    {
        var strays = typeof(CanonicalJson).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && !t.Namespace.StartsWith("<", StringComparison.Ordinal) && !t.Namespace.StartsWith("System", StringComparison.Ordinal))
            .Where(t => !Roots.Any(root => t.Namespace == root.TrimEnd('.') || t.Namespace!.StartsWith(root.TrimEnd('.') + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(strays.Count == 0, "types outside Core's layers (Documents, Model, Storage, Versioning, Governance):\n" + string.Join('\n', strays));
    }
}
