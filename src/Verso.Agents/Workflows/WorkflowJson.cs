using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;

namespace Verso.Agents.Workflows;

// Reading workflow JSON leniently (the validator, not the diff, rejects malformed workflows) and showing
// its values in descriptions. An absent member and a JSON null read alike: both are "no value".
internal static class WorkflowJson
{
    private const int MaxShownLength = 60;

    private static readonly JsonSerializerOptions ShowOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = Documents.Canonical.CanonicalJson.MaxDepth + 1 };

    public static JsonNode? Member(JsonObject item, string name) =>
        item.TryGetPropertyValue(name, out var value) && value?.GetValueKind() != JsonValueKind.Null ? value : null;

    // Ids are strings in practice; a number is accepted by its text so that it can still be matched.
    public static string? IdOf(JsonObject item) => Member(item, "id") switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public static string? StringOf(JsonObject item, string name) =>
        Member(item, name) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static double? NumberOf(JsonObject item, string name) =>
        Member(item, name) is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    // Equality as the rest of Verso sees it (canonical form: 1.0 equals 1, member order never matters).
    public static bool Same(JsonNode? left, JsonNode? right) => JsonDiff.Compute(left, right).IsEmpty;

    public static string Quote(string text) => JsonValue.Create(text).ToJsonString(ShowOptions);

    public static string Show(JsonNode? value) => value is null ? "(none)" : value.ToJsonString(ShowOptions);

    // A value short enough to show inline in a one-line description: a scalar on one line.
    public static bool IsShort(JsonNode? value) => value is null
        || (value is JsonValue && Show(value) is var text && text.Length <= MaxShownLength && !text.Contains("\\n", StringComparison.Ordinal));

    public static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
