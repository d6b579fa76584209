using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Verso.Server.Http;

namespace Verso.Server.Security;

/// <summary>
/// Who is calling: the name of the bearer token, its role, the kinds it is limited to (empty: every kind)
/// and whether it may act for someone else. Without any token in the store the server listens on
/// loopback only and every caller is <see cref="Local"/>, an admin that names itself.
/// </summary>
/// <param name="Name">The token's name, recorded as saved_by.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Kinds">The kinds it is limited to; empty for every kind.</param>
/// <param name="ActAs">Whether it may name another saved_by (the version then records both).</param>
public sealed record Caller(string Name, ApiRole Role, ImmutableArray<string> Kinds, bool ActAs)
{
    private static readonly object ItemKey = new();

    /// <summary>The caller of a server with no tokens: a local operator on loopback, named by <c>saved_by</c>.</summary>
    public static Caller Local { get; } = new("local", ApiRole.Admin, [], ActAs: true);

    /// <summary>Whether this is the token-less local caller.</summary>
    public bool IsLocal => ReferenceEquals(this, Local);

    /// <summary>The caller of a request (set by the authentication middleware; <see cref="Local"/> otherwise).</summary>
    public static Caller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var caller) && caller is Caller known ? known : Local;
    }

    /// <summary>Sets the caller of a request.</summary>
    public static void Set(HttpContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = caller;
    }

    /// <summary>
    /// Fails with 403 unless this caller has <paramref name="role"/> (and, when given, may touch <paramref name="kind"/>).
    /// A change of a governed kind (<see cref="GovernedKinds"/>: policies, groups) needs an admin whatever <paramref name="role"/> says.
    /// </summary>
    /// <exception cref="ApiProblemException">403.</exception>
    public void Demand(ApiRole role, string? kind = null)
    {
        var required = GovernedKinds.Required(role, kind);
        if (Role < required)
        {
            var why = required == role ? "" : $" (changes of {kind} records need an admin)";
            throw new ApiProblemException(ApiProblem.Forbidden($"token '{Name}' is a {Describe(Role)}; this needs a {Describe(required)}{why}")
                .With("token", Name).With("role", Describe(Role)).With("required_role", Describe(required)));
        }

        if (kind is not null && !MayTouch(kind))
        {
            throw new ApiProblemException(ApiProblem.Forbidden($"token '{Name}' is limited to kinds {string.Join(", ", Kinds)}, not {kind}")
                .With("token", Name).With("kind", kind).With("kinds", Kinds.ToList()));
        }
    }

    /// <summary>Fails with 403 when the caller is limited to some kinds (for reads over the whole store).</summary>
    /// <exception cref="ApiProblemException">403.</exception>
    public void DemandEveryKind(string what)
    {
        if (!Kinds.IsDefaultOrEmpty)
        {
            throw new ApiProblemException(ApiProblem.Forbidden($"token '{Name}' is limited to kinds {string.Join(", ", Kinds)}; {what} covers every kind")
                .With("token", Name).With("kinds", Kinds.ToList()));
        }
    }

    /// <summary>Whether the caller may read or write entities of <paramref name="kind"/>.</summary>
    public bool MayTouch(string kind) => Kinds.IsDefaultOrEmpty || Kinds.Contains(kind, StringComparer.Ordinal);

    /// <summary>
    /// The saved_by to record. A token records its own name; <paramref name="requested"/> (the <c>saved_by</c>
    /// parameter) is taken only from an act-as token, recorded as <c>operator (via token)</c> so the version
    /// keeps both; from any other token a different name is refused (403), never recorded.
    /// </summary>
    /// <exception cref="ApiProblemException">403: a token without act-as named someone else.</exception>
    public string SavedBy(string? requested)
    {
        EnsurePlainName(requested);
        if (string.IsNullOrWhiteSpace(requested) || requested == Name)
        {
            return Name;
        }

        if (IsLocal)
        {
            return requested;
        }

        if (!ActAs)
        {
            throw new ApiProblemException(ApiProblem.Forbidden($"token '{Name}' may not save as '{requested}': only an act-as token may name another saved_by")
                .With("token", Name).With("saved_by", requested));
        }

        return $"{requested} (via {Name})";
    }

    /// <summary>
    /// Fails with 400 when a <c>saved_by</c> holds a control character (it could forge a line of a log or of
    /// <c>verso log</c>), U+FFFD (what bytes that are not UTF-8 decode to) or half of a surrogate pair: the
    /// rule the CLI's <c>--by</c> follows.
    /// </summary>
    /// <exception cref="ApiProblemException">400 <c>invalid-name</c>.</exception>
    public static void EnsurePlainName(string? requested)
    {
        if (requested is null)
        {
            return;
        }

        for (var i = 0; i < requested.Length; i++)
        {
            var c = requested[i];
            var problem = char.IsControl(c) ? "holds a control character"
                : c == '\uFFFD' ? "is not valid UTF-8 text"
                : char.IsHighSurrogate(c) && i + 1 < requested.Length && char.IsLowSurrogate(requested[i + 1]) ? null
                : char.IsSurrogate(c) ? "is not valid Unicode text"
                : null;
            if (problem is not null)
            {
                throw new ApiProblemException(ApiProblem.BadRequest($"saved_by {problem} (at character {i}); use plain text on one line", "invalid-name")
                    .With("what", "saved_by"));
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
    }

    /// <summary>The role's name as the API writes it.</summary>
    public static string Describe(ApiRole role) => role.ToString().ToLowerInvariant();
}
