using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Verso.Agents.Validation;

/// <summary>The declared members of a closed JSON object; a member it does not declare is an error.</summary>
public sealed class ObjectShape
{
    private readonly FrozenDictionary<string, FieldSpec> _byName;

    /// <summary>Creates the shape from its members, in the order problems should be reported.</summary>
    /// <exception cref="ArgumentException">Two members have the same name.</exception>
    public ObjectShape(params IEnumerable<FieldSpec> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = [.. fields];
        var byName = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!byName.TryAdd(field.Name, field))
            {
                throw new ArgumentException($"field '{field.Name}' is declared twice", nameof(fields));
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The declared members.</summary>
    public ImmutableArray<FieldSpec> Fields { get; }

    /// <summary>The member named <paramref name="name"/>, or null when the shape does not declare it.</summary>
    public FieldSpec? Find(string name) => _byName.GetValueOrDefault(name);
}
