namespace Verso.Documents.Diff;

// One run of a sequence diff: left items [DeleteStartA, +DeleteCountA) were replaced by right items
// [InsertStartB, +InsertCountB); between two blocks the items are equal and pair one to one.
internal readonly record struct EditBlock(int DeleteStartA, int DeleteCountA, int InsertStartB, int InsertCountB);
