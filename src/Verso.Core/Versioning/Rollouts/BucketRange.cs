namespace Verso.Versioning.Rollouts;

/// <summary>A half-open range of buckets, [<see cref="Start"/>, <see cref="End"/>), within [0, 10,000).</summary>
public readonly record struct BucketRange(int Start, int End)
{
    /// <summary>How many buckets the range holds.</summary>
    public int Length => End - Start;

    /// <summary>Whether <paramref name="bucket"/> falls in the range.</summary>
    public bool Contains(int bucket) => bucket >= Start && bucket < End;
}
