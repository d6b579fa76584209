using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// FsCheck generators of requests for one operation of the document: its parameters and body from their
/// schemas, valid and broken (wrong types, out of range, required parts missing, malformed or deep or
/// oversized JSON, the wrong content type, bad or missing credentials). Each request knows whether the
/// document calls it invalid, judged by the same validator that checks the responses.
/// </summary>
public sealed class RequestGenerator(SchemaValidator schemas, FuzzWorld world, FuzzCredentials credentials, int bodyLimit)
{
    private static readonly JsonNodeOptions NodeOptions = new();
    private static readonly JsonDocumentOptions DeepOptions = new() { MaxDepth = 4096 };

    private readonly FuzzValues _values = new(world);

    /// <summary>Requests for <paramref name="operation"/>; <paramref name="secured"/>: whether the document asks it for a bearer token.</summary>
    public Gen<FuzzRequest> For(ApiOperation operation, bool secured)
    {
        var parameters = Gen.CollectToList(operation.Parameters.Select(Parameter));
        if (world.Entities.Count > 0 && operation.Parameters.Any(p => p is { Name: "kind", In: "path" }) && operation.Parameters.Any(p => p is { Name: "id", In: "path" }))
        {
            // Kind and id drawn apart rarely name an entity that exists: most of the time, name a seeded one.
            parameters = parameters.Zip(Gen.Frequency((3, Gen.Elements<(string, string)?>(world.Entities.Select(e => ((string, string)?)e))), (2, Gen.Constant<(string, string)?>(null))))
                .Select(t => t.Item2 is not (var kind, var id) ? t.Item1 : t.Item1.Select(p => p.Parameter switch
                {
                    { Name: "kind", In: "path" } => (p.Parameter, (string?)kind, (string?)null),
                    { Name: "id", In: "path" } => (p.Parameter, id, null),
                    _ => p,
                }).ToList());
        }

        var body = operation.Body is null ? Gen.Constant(new GeneratedBody(null, null, null)) : Body(operation.Body);
        var auth = Gen.Frequency(
            (24, Gen.Constant<(string?, string?)>((credentials.Admin, null))),
            (2, Gen.Constant<(string?, string?)>((credentials.Reader, null))),
            (1, Gen.Constant<(string?, string?)>((null, "no Authorization"))),
            (1, Gen.Elements<(string?, string?)>(("Basic Zm9vOmJhcg==", "not a bearer token"), ("Bearer vt1.nobody.secret", "an unknown token"), ("Bearer ", "an empty token"))));
        return parameters.Zip(body).Zip(auth).Select(t =>
        {
            var ((chosen, generated), (authorization, authProblem)) = t;
            var path = operation.Path;
            var query = new List<string>();
            var headers = new List<KeyValuePair<string, string>>();
            var problems = new List<string>();
            foreach (var (parameter, value, problem) in chosen)
            {
                if (problem is not null)
                {
                    problems.Add(problem);
                }

                switch (parameter.In)
                {
                    case "path":
                        path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value!), StringComparison.Ordinal);
                        break;
                    case "query" when value is not null:
                        query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
                        break;
                    case "header" when value is not null:
                        headers.Add(KeyValuePair.Create(parameter.Name, value));
                        break;
                }
            }

            if (authorization is not null)
            {
                headers.Add(KeyValuePair.Create("Authorization", authorization));
            }

            if (secured && authProblem is not null)
            {
                problems.Add(authProblem);
            }

            if (generated.Problem is not null)
            {
                problems.Add(generated.Problem);
            }

            var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
            return new FuzzRequest(operation, url, headers, generated.Bytes, generated.ContentType, problems.Count == 0 ? null : string.Join("; ", problems));
        });
    }

    private Gen<(ApiParameter Parameter, string? Value, string? Problem)> Parameter(ApiParameter parameter)
    {
        var schema = schemas.Dereference(parameter.Schema);
        var type = schema["type"] is JsonValue t ? t.GetValue<string>() : "string";
        var wide = schema["format"]?.GetValue<string>() == "int64";
        var valid = type switch
        {
            "integer" => FuzzValues.IntegerFor(parameter.Name, wide).Select(n => n.ToString(CultureInfo.InvariantCulture)),
            "boolean" => Gen.Elements("true", "false"),
            _ when parameter.In == "path" => _values.StringFor(parameter.Name).Select(s => s.Length == 0 || s.Contains('\0', StringComparison.Ordinal) ? "%" : s),
            _ when parameter.In == "header" => _values.StringFor(parameter.Name).Select(s => new string([.. s.Where(c => c >= ' ' && c < 127)])),
            _ => _values.StringFor(parameter.Name),
        };
        var wrong = type switch
        {
            "integer" => FuzzValues.NotAnInteger(wide),
            "boolean" => FuzzValues.NotABoolean,
            _ => valid,
        };
        var value = Gen.Frequency((12, valid), (1, wrong)).Select(v => (string?)v);
        if (!parameter.Required)
        {
            value = Gen.Frequency((3, value), (2, Gen.Constant<string?>(null)));
        }

        return value.Select(v => (parameter, v, v is null ? (parameter.Required ? $"{parameter.Name} is missing" : null) : Judge(parameter, schema, type, v)));
    }

    // A parameter's text read as the JSON value its schema describes, then validated like any JSON.
    private string? Judge(ApiParameter parameter, JsonObject schema, string type, string text)
    {
        JsonNode? value = type switch
        {
            "integer" or "number" when text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '-' or '.' or 'e' or 'E' or '+') && TryParse(text) is { } number => number,
            "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
            _ => JsonValue.Create(text),
        };
        var problems = schemas.Validate(JsonNode.Parse(value!.ToJsonString()), schema);
        return problems.Count == 0 ? null : $"{parameter.In} parameter {parameter.Name}: {problems[0]}";
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Gen<GeneratedBody> Body(ApiRequestBody body)
    {
        var mediaType = body.Content.Keys.First();
        var schema = body.Content[mediaType];
        var bodies = new BodyGenerator(schemas, _values);
        var valid = bodies.Instance(schema);
        var missing = body.Required ? "the required body is missing" : null;
        return Gen.Frequency(
            (14, valid.Select(json => Json(json, mediaType, schema))),
            (4, bodies.Broken(schema).Select(json => Json(json, mediaType, schema))),
            (1, Gen.Elements("{\"a\":", "{'a':1}", "{\"a\":1,}", "\u00ff\u00fe", "{\"a\":1}{", "nul", "\"\\ud800\"", "{\"s\":\"\\udc00x\"}").Select(text => new GeneratedBody(Encoding.Latin1.GetBytes(text), mediaType, "the body is not JSON"))),
            (1, valid.Zip(Gen.Elements("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")).Select(t =>
                new GeneratedBody(Encoding.UTF8.GetBytes(t.Item1?.ToJsonString() ?? "null"), t.Item2, body.Content.ContainsKey(t.Item2.Split(';')[0]) ? null : $"Content-Type {t.Item2} is not one the document lists"))),
            (1, Gen.Elements(new GeneratedBody(null, null, missing), new GeneratedBody([], mediaType, missing))),
            (1, Gen.Elements(130, 3000).Select(depth => JsonText(string.Concat(Enumerable.Repeat("{\"d\":", depth)) + "1" + new string('}', depth), mediaType, schema))),
            (1, valid.Select(json =>
            {
                if (json is JsonObject obj)
                {
                    obj["pad"] = new string('x', bodyLimit + 1024);
                }

                return Json(json, mediaType, schema);
            })));
    }

    private GeneratedBody Json(JsonNode? json, string mediaType, JsonNode? schema) => JsonText(json?.ToJsonString() ?? "null", mediaType, schema);

    private GeneratedBody JsonText(string text, string mediaType, JsonNode? schema)
    {
        var problems = schemas.Validate(JsonNode.Parse(text, NodeOptions, DeepOptions), schema);
        return new GeneratedBody(Encoding.UTF8.GetBytes(text), mediaType, problems.Count == 0 ? null : $"the body breaks its schema: {problems[0]}");
    }

    private sealed record GeneratedBody(byte[]? Bytes, string? ContentType, string? Problem);
}
