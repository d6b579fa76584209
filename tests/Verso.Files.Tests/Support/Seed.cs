using Verso.Naming;
using Verso.Versioning;

namespace Verso.Files.Tests.Support;

/// <summary>Fills a store with the sample organization.</summary>
internal static class Seed
{
    public static async Task<int> SamplesAsync(VersioningService service)
    {
        var count = 0;
        foreach (var row in Samples.All())
        {
            var (kind, id) = ((string)row[0], (string)row[1]);
            await service.SaveAsync(EntityKey.Create(kind, id), Samples.Bytes(kind, id), new SaveOptions("seed"));
            count++;
        }

        return count;
    }

    /// <summary>Every file under <paramref name="root"/> by relative path, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Files(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes),
        StringComparer.Ordinal);
}
