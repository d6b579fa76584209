namespace Verso.Documents.Schemas;

// What a change does to the set of values a schema accepts, as the level it has on each side. Narrowing
// breaks senders (input) and reassures readers (output); widening does the opposite.
internal sealed record SchemaEffect(SchemaChangeLevel Input, SchemaChangeLevel Output)
{
    public static SchemaEffect Narrows { get; } = new(SchemaChangeLevel.Breaking, SchemaChangeLevel.Compatible);

    public static SchemaEffect Widens { get; } = new(SchemaChangeLevel.Compatible, SchemaChangeLevel.Breaking);

    // Neither side's values contain the other's (a type swapped for another).
    public static SchemaEffect Incompatible { get; } = new(SchemaChangeLevel.Breaking, SchemaChangeLevel.Breaking);

    // Titles, descriptions, examples: nothing a validator reads.
    public static SchemaEffect Harmless { get; } = new(SchemaChangeLevel.Compatible, SchemaChangeLevel.Compatible);

    // A keyword Verso does not compare changed: never silently compatible.
    public static SchemaEffect Undecided { get; } = new(SchemaChangeLevel.Warning, SchemaChangeLevel.Warning);

    // An optional property dropped: a sender's argument is ignored or refused (Apicurio calls it breaking);
    // a reader could not count on it being there, but may have read it.
    public static SchemaEffect OptionalPropertyRemoved { get; } = new(SchemaChangeLevel.Breaking, SchemaChangeLevel.Warning);

    public SchemaChangeLevel For(SchemaDirection direction) => direction == SchemaDirection.Input ? Input : Output;
}
