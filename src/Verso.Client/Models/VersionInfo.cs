using System.Text.Json;

namespace Verso.Client.Models;

/// <summary>One version as the API serves it (<c>GET …/entities/{kind}/{id}</c>, <c>…/versions/{ref}</c>, history items).</summary>
public sealed record VersionInfo
{
    /// <summary>The version's ref, e.g. <c>agent/alice@3</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>The version number.</summary>
    public required int Version { get; init; }

    /// <summary>The content hash, <c>sha256:…</c>.</summary>
    public required string Hash { get; init; }

    /// <summary>Who saved it (for an act-as token: <c>operator (via token)</c>).</summary>
    public required string SavedBy { get; init; }

    /// <summary>When, in UTC.</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>The message, if any.</summary>
    public string? Message { get; init; }

    /// <summary>save, force, rollback, merge, import or erase.</summary>
    public required string Operation { get; init; }

    /// <summary>For a rollback: the version restored.</summary>
    public int? RevertOf { get; init; }

    /// <summary>The record; absent in history listings, null when pruned or erased.</summary>
    public JsonElement? Content { get; init; }

    /// <summary>The strong ETag sent with a single-version read (null for history items).</summary>
    public string? ETag { get; init; }
}
