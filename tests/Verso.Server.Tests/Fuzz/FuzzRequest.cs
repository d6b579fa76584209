using System.Globalization;
using System.Text;

namespace Verso.Server.Tests.Fuzz;

/// <summary>One generated request, and why the document says it is invalid (null when it is valid).</summary>
/// <param name="Operation">The operation it was generated for.</param>
/// <param name="Url">Path and query, encoded.</param>
/// <param name="Headers">Request headers (Authorization, If-Match, Accept, …).</param>
/// <param name="Body">The body's bytes, or null for none.</param>
/// <param name="ContentType">The Content-Type sent with the body (null: none).</param>
/// <param name="Invalid">What makes it invalid according to the document, or null.</param>
public sealed record FuzzRequest(ApiOperation Operation, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType, string? Invalid)
{
    public override string ToString()
    {
        var text = new StringBuilder($"{Operation.Method} {Url}");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {name}: {(name == "Authorization" && value.Length > 20 ? value[..20] + "…" : value)}");
        }

        if (Body is not null)
        {
            var shown = Encoding.UTF8.GetString(Body);
            text.Append(CultureInfo.InvariantCulture, $"\n  Content-Type: {ContentType ?? "(none)"}\n  {(shown.Length > 400 ? shown[..400] + $"… ({Body.Length} bytes)" : shown)}");
        }

        text.Append(Invalid is null ? "\n  (valid per the document)" : $"\n  (invalid per the document: {Invalid})");
        return text.ToString();
    }
}
