using System.Text;
using System.Text.Json.Nodes;
using Verso.Files.Text;

namespace Verso.Files.Squad;

/// <summary>
/// Turns a Squad charter into an <c>agent</c> record: the whole file, byte for byte, as the charter, and
/// the fields the charter states set from it. Fields it does not state keep what the agent already had, so
/// importing charters never wipes what operators added in Verso (tools, memory, authority …).
/// </summary>
public static class SquadAgentRecord
{
    /// <summary>The role an agent gets when its charter states none; a role id is required.</summary>
    public const string DefaultRole = "member";

    /// <summary>The agent record for charter bytes, as UTF-8 JSON ready to canonicalize.</summary>
    /// <param name="id">The agent's id: its folder name under <c>agents/</c>.</param>
    /// <param name="charter">The charter file's bytes.</param>
    /// <param name="existing">The agent's current record, when it has one; its other fields are kept.</param>
    /// <exception cref="Errors.RecordFileException">The bytes are not UTF-8, so no JSON string can hold them exactly.</exception>
    public static byte[] ToJson(string id, ReadOnlySpan<byte> charter, JsonObject? existing = null) =>
        Encoding.UTF8.GetBytes(Build(id, Utf8Text.Decode(charter), existing).ToJsonString());

    /// <summary>The agent record for a charter's text.</summary>
    /// <param name="id">The agent's id.</param>
    /// <param name="charter">The charter, exactly as the file holds it.</param>
    /// <param name="existing">The agent's current record, when it has one; it is not changed.</param>
    public static JsonObject Build(string id, string charter, JsonObject? existing = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(charter);
        var fields = SquadCharter.Parse(charter);
        var record = existing?.DeepClone().AsObject() ?? [];
        record["id"] = id;
        record["name"] = fields.Name is { } name ? name : record["name"]?.DeepClone() ?? id;
        record["role"] = fields.Role is { } role && Slug.Of(role, 64) is { Length: > 0 } roleId ? roleId : record["role"]?.DeepClone() ?? DefaultRole;
        if (fields.Tagline is { } tagline)
        {
            record["description"] = tagline;
        }

        if (fields.Style is { } style)
        {
            Child(record, "personality")["communication_style"] = style;
        }

        if (!fields.Expertise.IsEmpty)
        {
            Child(record, "skills")["primary"] = Skills(fields.Expertise);
        }

        if (fields.PreferredModel is { } preferred)
        {
            var model = Child(record, "model");
            var slash = preferred.IndexOf('/', StringComparison.Ordinal);
            model["provider"] = slash > 0 ? preferred[..slash] : SquadCharter.ProviderOf(preferred);
            model["model_id"] = slash > 0 ? preferred[(slash + 1)..] : preferred;
            if (fields.FallbackModel is { } fallback)
            {
                model["fallback"] = fallback;
            }
        }

        record["charter"] = charter;
        return record;
    }

    private static JsonArray Skills(IEnumerable<string> expertise)
    {
        var skills = new JsonArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in expertise)
        {
            // Skill ids are unique per list; a skill named twice is listed once.
            var id = Slug.Of(name) is { Length: > 0 } slug ? slug : name;
            if (ids.Add(id))
            {
                skills.Add((JsonNode)new JsonObject { ["id"] = id, ["name"] = name });
            }
        }

        return skills;
    }

    private static JsonObject Child(JsonObject record, string name)
    {
        if (record[name] is JsonObject child)
        {
            return child;
        }

        var created = new JsonObject();
        record[name] = created;
        return created;
    }
}
