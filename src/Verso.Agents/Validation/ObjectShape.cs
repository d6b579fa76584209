using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Verso.Agents.Validation;

/// <summary>The declared members of a closed JSON object; a member it does not declare is an error.</summary>
public sealed class ObjectShape
{
    private readonly FrozenDictionary<string, int> _indexByName;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indexBySpan;

    /// <summary>Creates the shape from its members, in the order problems should be reported.</summary>
    /// <exception cref="ArgumentException">Two members have the same name.</exception>
    public ObjectShape(params IEnumerable<FieldSpec> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = [.. fields];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Length; i++)
        {
            if (!byName.TryAdd(Fields[i].Name, i))
            {
                throw new ArgumentException($"field '{Fields[i].Name}' is declared twice", nameof(fields));
            }
        }

        _indexByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _indexBySpan = _indexByName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The declared members.</summary>
    public ImmutableArray<FieldSpec> Fields { get; }

    /// <summary>The member named <paramref name="name"/>, or null when the shape does not declare it.</summary>
    public FieldSpec? Find(string name) => _indexByName.TryGetValue(name, out var index) ? Fields[index] : null;

    /// <summary>The index in <see cref="Fields"/> of the member named <paramref name="name"/>, or -1 when the shape does not declare it.</summary>
    internal int IndexOf(ReadOnlySpan<char> name) => _indexBySpan.TryGetValue(name, out var index) ? index : -1;
}
