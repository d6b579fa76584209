using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Diff.Support;

/// <summary>
/// Random edits of a <see cref="TestJson"/> value: members and items dropped, added, repeated, swapped
/// and changed, scalars replaced, types changed. Two independent arbitrary values rarely share enough
/// to exercise a diff; a value and an edited copy of it share almost everything.
/// </summary>
internal static class Mutation
{
    private static readonly string[] Keys = ["a", "b", "id", "x/y", "m~n", ""];

    public static TestJson Of(TestJson value, Random random) => value switch
    {
        TestJson.Obj obj when random.Next(10) > 0 => Object(obj, random),
        TestJson.Arr arr when random.Next(10) > 0 => Array(arr, random),
        TestJson.Obj or TestJson.Arr => Scalar(random),
        _ => random.Next(3) == 0 ? Scalar(random) : value,
    };

    private static TestJson Object(TestJson.Obj obj, Random random)
    {
        var members = new List<KeyValuePair<string, TestJson>>();
        foreach (var member in obj.Members)
        {
            switch (random.Next(6))
            {
                case 0:
                    break;
                case 1 or 2:
                    members.Add(KeyValuePair.Create(member.Key, Of(member.Value, random)));
                    break;
                default:
                    members.Add(member);
                    break;
            }
        }

        if (random.Next(4) == 0)
        {
            members.Add(KeyValuePair.Create(Keys[random.Next(Keys.Length)], Scalar(random)));
        }

        return new TestJson.Obj(members.DistinctBy(m => m.Key, StringComparer.Ordinal).ToList());
    }

    private static TestJson Array(TestJson.Arr arr, Random random)
    {
        var items = new List<TestJson>();
        foreach (var item in arr.Items)
        {
            switch (random.Next(8))
            {
                case 0:
                    break;
                case 1 or 2:
                    items.Add(Of(item, random));
                    break;
                case 3:
                    items.Add(item);
                    items.Add(item);
                    break;
                default:
                    items.Add(item);
                    break;
            }
        }

        if (random.Next(3) == 0)
        {
            items.Insert(random.Next(items.Count + 1), Scalar(random));
        }

        if (items.Count > 1 && random.Next(3) == 0)
        {
            var (i, j) = (random.Next(items.Count), random.Next(items.Count));
            (items[i], items[j]) = (items[j], items[i]);
        }

        return new TestJson.Arr(items);
    }

    private static TestJson Scalar(Random random) => random.Next(7) switch
    {
        0 => new TestJson.Str("x"),
        1 => new TestJson.Str("line\nline 2\n"),
        2 => new TestJson.Num(random.Next(3)),
        3 => new TestJson.Lit(random.Next(2) == 0 ? "null" : "true"),
        4 => new TestJson.Arr([]),
        5 => new TestJson.Obj([]),
        _ => new TestJson.Arr([new TestJson.Num(1), new TestJson.Obj([KeyValuePair.Create("a", (TestJson)new TestJson.Num(2))])]),
    };
}
