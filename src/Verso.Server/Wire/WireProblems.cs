using System.Buffers;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Contracts.Problems;
using Verso.Server.Http;

namespace Verso.Server.Wire;

/// <summary>
/// Problems as the wire shows them: an <see cref="ApiProblem"/> mapped to the <see cref="Problem"/> contract, the one
/// body of an error over HTTP (<see cref="ProblemWriter"/>, the rejection pipe) and of an MCP tool's error.
/// </summary>
public static class WireProblems
{
    /// <summary>The problem; its facts ordered by name, after the standard members, as Verso always wrote them.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="instance">The request's path; null outside HTTP.</param>
    public static Problem Of(ApiProblem problem, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Dictionary<string, JsonElement>? extensions = null;
        foreach (var (name, value) in problem.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            (extensions ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = ToElement(value);
        }

        return new Problem
        {
            Type = problem.Type,
            Title = problem.Title,
            Status = problem.Status,
            Detail = problem.Detail,
            Instance = instance,
            Extensions = extensions,
        };
    }

    // The facts are plain values, maps and lists built where the problem is raised; written once here, with the
    // answers' encoder, so the bytes are the ones every problem body always had.
    private static JsonElement ToElement(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, JsonBody.WriterOptions))
        {
            Write(writer, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
