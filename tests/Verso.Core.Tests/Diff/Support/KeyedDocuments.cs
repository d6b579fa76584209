using System.Text.Json.Nodes;
using Verso.Documents.Diff;

namespace Verso.Core.Tests.Diff.Support;

/// <summary>
/// Random documents shaped like a workflow: keyed items (with keyed and set arrays inside), a set of
/// tags and a plain list, all drawn from small pools so that two documents overlap a lot. Now and then
/// a key repeats or is missing, which must send the array to the sequence diff.
/// </summary>
internal static class KeyedDocuments
{
    public static DiffRules Rules { get; } = DiffRules.Default with
    {
        IdentityKeys = DiffRules.Default.IdentityKeys.Add("/items", "id").Add("/items/*/sub", "name"),
        Sets = ["/tags", "/items/*/tags"],
    };

    public static JsonObject Create(Random random)
    {
        var items = new JsonArray();
        foreach (var id in Enumerable.Range(0, 8).OrderBy(_ => random.Next()).Take(random.Next(7)))
        {
            var item = new JsonObject { ["id"] = id % 3 == 0 ? JsonValue.Create($"n{id}") : JsonValue.Create(id), ["v"] = Scalar(random) };
            if (random.Next(3) == 0)
            {
                item["sub"] = new JsonArray([.. "abcd".OrderBy(_ => random.Next()).Take(random.Next(4))
                    .Select(name => (JsonNode)new JsonObject { ["name"] = name.ToString(), ["w"] = random.Next(3) })]);
            }

            if (random.Next(3) == 0)
            {
                item["tags"] = Scalars(random);
            }

            items.Add(item);
        }

        if (items.Count > 0 && random.Next(12) == 0)
        {
            items.Insert(random.Next(items.Count), items[random.Next(items.Count)]!.DeepClone());
        }
        else if (random.Next(12) == 0)
        {
            items.Add(new JsonObject { ["v"] = 1 });
        }

        return new JsonObject { ["items"] = items, ["tags"] = Scalars(random), ["plain"] = Scalars(random) };
    }

    private static JsonArray Scalars(Random random) => new([.. Enumerable.Range(0, random.Next(6)).Select(_ => Scalar(random))]);

    private static JsonNode? Scalar(Random random) => random.Next(6) switch
    {
        0 => "x",
        1 => "y",
        2 => 1,
        3 => 2,
        4 => null,
        _ => new JsonObject { ["k"] = random.Next(2) },
    };
}
