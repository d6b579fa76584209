using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;

namespace Verso.Scale;

// samples/org's agents, roles and workflows as templates: each version of each entity is a template with the
// entity's own id and name and a revision line in its prose, so consecutive versions differ by a few bytes (as a
// reviewed edit does) and no two entities share a content. The canonical template is made once with markers that
// canonical JSON keeps as they are; a version splices the id and revision in and is canonicalized (hashed) again.
internal sealed class OrgRecords
{
    private const string IdMarker = "@@ID@@";
    private const string RevisionMarker = "@@REV@@";
    private readonly Template[] _templates;
    private readonly int _agents;
    private readonly int _roles;

    private OrgRecords(Template[] templates)
    {
        _templates = templates;
        _agents = templates.Count(t => t.Kind == "agent");
        _roles = templates.Count(t => t.Kind == "role");
    }

    public static OrgRecords Load(string orgDirectory)
    {
        var templates = new List<Template>();
        foreach (var (kind, field) in new[] { ("agent", "charter"), ("role", "description"), ("workflow", "description") })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(orgDirectory, kind), "*.json").Order(StringComparer.Ordinal))
            {
                var record = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                record["id"] = IdMarker;
                record["name"] = $"{record["name"]} {IdMarker}";
                record[field] = $"{record[field]}\n\nRevision {RevisionMarker} of {IdMarker}: reviewed and approved.";
                var canonical = Encoding.UTF8.GetString(CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(record.ToJsonString())).Utf8.Span);
                templates.Add(new Template(kind, Segments(canonical)));
            }
        }

        return templates.Count == 0 ? throw new InvalidOperationException($"no agent, role or workflow under {orgDirectory}") : new OrgRecords([.. templates]);
    }

    /// <summary>The kind of entity number <paramref name="entity"/>: agents 60%, roles 25%, workflows 15%.</summary>
    public string KindOf(int entity) => _templates[TemplateOf(entity)].Kind;

    /// <summary>The canonical content of revision <paramref name="revision"/> of entity <paramref name="entity"/> called <paramref name="id"/>.</summary>
    public CanonicalDocument Version(int entity, string id, int revision)
    {
        var text = new StringBuilder(4096);
        foreach (var segment in _templates[TemplateOf(entity)].Segments)
        {
            text.Append(segment switch
            {
                IdMarker => id,
                RevisionMarker => revision.ToString(CultureInfo.InvariantCulture),
                _ => segment,
            });
        }

        return CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private int TemplateOf(int entity)
    {
        var slot = entity % 20;
        var which = entity / 20;
        return slot < 12 ? which % _agents
            : slot < 17 ? _agents + (which % _roles)
            : _agents + _roles + (which % (_templates.Length - _agents - _roles));
    }

    // The canonical text cut at each marker, the markers kept as segments of their own.
    private static string[] Segments(string canonical)
    {
        var segments = new List<string>();
        var rest = canonical;
        while (true)
        {
            var (id, revision) = (rest.IndexOf(IdMarker, StringComparison.Ordinal), rest.IndexOf(RevisionMarker, StringComparison.Ordinal));
            var at = id < 0 ? revision : revision < 0 ? id : Math.Min(id, revision);
            if (at < 0)
            {
                segments.Add(rest);
                return [.. segments];
            }

            var marker = at == id ? IdMarker : RevisionMarker;
            segments.Add(rest[..at]);
            segments.Add(marker);
            rest = rest[(at + marker.Length)..];
        }
    }

    private sealed record Template(string Kind, string[] Segments);
}
