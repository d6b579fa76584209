using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Tests.Kinds;

/// <summary>
/// A validated kind is canonicalized from one parse of its input and validated on that parse when the
/// record is valid. Whatever the spelling, the outcome must be what validating the whole canonical record
/// gives: the same stored bytes, or the same problems in the same order with the same words.
/// </summary>
public sealed class OneParseValidationTests
{
    private static readonly KindRegistry Registry = AgentKinds.RegisterAll(new KindRegistry());
    private static readonly VersioningService Service = new(new InMemoryVersionStore(), Registry);

    [Fact]
    public void DamagedAndRespelledSamplesGetTheOutcomeOfTheCanonicalRecord()
    {
        var samples = SampleFiles.All().Select(row => ((string)row[0], (string)row[1])).ToList();
        var invalid = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new Random(seed);
            var (kind, id) = samples[seed % samples.Count];
            var node = SampleFiles.Node(kind, id);
            if (seed % 4 != 0)
            {
                Damage(node, random, 1 + random.Next(3));
            }

            var text = Encoding.UTF8.GetBytes(Respell(node, random));
            var expected = Reference(kind, text);
            var actual = Outcome(() => Service.Canonicalize(kind, text).ToString());
            Assert.True(expected == actual, $"seed {seed}, {kind}/{id}:\n{Encoding.UTF8.GetString(text)}\nexpected {expected}\nactual   {actual}");
            invalid += expected.StartsWith("problems", StringComparison.Ordinal) ? 1 : 0;
        }

        // The damage must reach the validator often, or the problem path would go untested.
        Assert.InRange(invalid, 200, 600);
    }

    [Fact]
    public void ProblemsOfAShuffledRecordWithOddNumbersReadAsThoseOfItsCanonicalForm()
    {
        // Out of order, a number spelled 2.50E0 and an unknown field before a missing one.
        var text = """{"zz":1,"model":{"temperature":2.50E0,"provider":"x","model_id":"m"},"role":"qa","id":"bob","level":7.0}"""u8.ToArray();

        var error = Assert.Throws<InvalidRecordException>(() => Service.Canonicalize("agent", text));

        Assert.Equal(
            ["/level: expected a string, found the number 7", "/model/temperature: 2.5 is out of range: must be between 0 and 2", "/zz: unknown field 'zz'", "/name: required field 'name' is missing"],
            error.Problems.Select(p => $"{p.Path}: {p.Message}"));
    }

    // What the service did before it validated the parsed input: canonical form without volatile fields,
    // and the validator on the parsed whole canonical record.
    private static string Reference(string kind, byte[] text) => Outcome(() =>
    {
        var entityKind = Registry.Resolve(kind);
        var kept = CanonicalJson.CreateDocument(text, entityKind.VolatileFields);
        using var whole = JsonDocument.Parse(CanonicalJson.Canonicalize(text));
        var problems = entityKind.Validator!.Validate(whole.RootElement);
        return problems.Count > 0 ? throw new InvalidRecordException(kind, problems) : kept.ToString();
    });

    private static string Outcome(Func<string> canonicalize)
    {
        try
        {
            return "stored " + canonicalize();
        }
        catch (InvalidRecordException e)
        {
            return "problems " + string.Join(" | ", e.Problems.Select(p => $"{p.Path}: {p.Message}"));
        }
        catch (CanonicalJsonException e)
        {
            return "not canonical " + e.Message;
        }
    }

    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => JsonValue.Create(1.5), () => JsonValue.Create(-3), () => JsonValue.Create(1e9), () => JsonValue.Create("x"),
        () => JsonValue.Create("not an id!"), () => JsonValue.Create(true), () => null, () => new JsonArray(), () => new JsonObject(),
    ];

    private static void Damage(JsonNode root, Random random, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var containers = Containers(root).ToList();
            var target = containers[random.Next(containers.Count)];
            switch (target, random.Next(3))
            {
                case (JsonObject obj, 0):
                    obj["zz_" + random.Next(5).ToString(CultureInfo.InvariantCulture)] = 1;
                    break;
                case (JsonObject obj, 1) when obj.Count > 0:
                    obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                    break;
                case (JsonObject obj, _) when obj.Count > 0:
                    obj[obj.ElementAt(random.Next(obj.Count)).Key] = Replacements[random.Next(Replacements.Length)]();
                    break;
                case (JsonArray array, 0) when array.Count > 0:
                    array.Add(array[random.Next(array.Count)]?.DeepClone());
                    break;
                case (JsonArray array, _) when array.Count > 0:
                    array[random.Next(array.Count)] = Replacements[random.Next(Replacements.Length)]();
                    break;
            }
        }
    }

    private static IEnumerable<JsonNode> Containers(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(m => m.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().Where(c => c is JsonObject or JsonArray))
        {
            foreach (var container in Containers(child))
            {
                yield return container;
            }
        }
    }

    // Members in random order, numbers in exponent or padded form, some letters as \u escapes.
    private static string Respell(JsonNode? node, Random random)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject obj:
                var members = obj.OrderBy(_ => random.Next()).Select(m => Quote(m.Key, random) + ":" + Respell(m.Value, random));
                return "{" + string.Join(",", members) + "}";
            case JsonArray array:
                return "[" + string.Join(",", array.Select(item => Respell(item, random))) + "]";
        }

        var value = (JsonValue)node;
        return value.GetValueKind() switch
        {
            JsonValueKind.String => Quote(value.GetValue<string>(), random),
            JsonValueKind.Number => random.Next(3) switch
            {
                0 => value.ToJsonString(),
                1 => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("E", CultureInfo.InvariantCulture),
                _ => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("0.0###############", CultureInfo.InvariantCulture),
            },
            _ => value.ToJsonString(),
        };
    }

    private static string Quote(string text, Random random)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' or '\\' => quoted.Append('\\').Append(c),
                < ' ' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ when random.Next(8) == 0 => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
