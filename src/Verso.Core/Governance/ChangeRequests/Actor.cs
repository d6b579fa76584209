namespace Verso.Governance.ChangeRequests;

/// <summary>
/// Who does something: a name, and the person they act for when they act through someone else's
/// authority (an act-as token). Both count as the actor: nobody reviews a change they, or anyone acting
/// for them, wrote.
/// </summary>
/// <param name="Name">Who acts, e.g. a person or a token's name.</param>
/// <param name="ActingFor">The person acted for, when acting as someone else.</param>
public sealed record Actor(string Name, string? ActingFor = null)
{
    /// <summary>The identity whose authority is used: the person acted for, or the actor.</summary>
    public string Effective => ActingFor ?? Name;

    /// <summary>Whether the two share an identity (either name equals either of the other's).</summary>
    public bool Shares(Actor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name || Name == other.ActingFor || (ActingFor is not null && (ActingFor == other.Name || ActingFor == other.ActingFor));
    }

    /// <summary>Checks the names are not blank.</summary>
    /// <exception cref="ArgumentException">A name is blank.</exception>
    public Actor Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (ActingFor is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ActingFor);
        }

        return this;
    }

    /// <summary><c>bob</c>, or <c>bot (acting for bob)</c>.</summary>
    public override string ToString() => ActingFor is null ? Name : $"{Name} (acting for {ActingFor})";
}
