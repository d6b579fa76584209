using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Storage;

namespace Verso.Server.Endpoints;

// Optimistic concurrency both ways: If-Match names the head's ETag (412 when it is not the head), and
// expected_version names its number (409 from the store's own check, atomic with the append).
internal static class Preconditions
{
    public static async Task<int?> ExpectedVersionAsync(HttpRequest request, IVersionStore store, EntityKey key, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion is < 0)
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"expected_version must be 0 or more, not {expectedVersion}", "invalid-parameter").With("parameter", "expected_version"));
        }

        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return expectedVersion;
        }

        var head = await store.GetLatestAsync(key, cancellationToken);
        if (!EntityTagHeaderValue.TryParseList(ifMatch, out var tags))
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"If-Match '{ifMatch}' is not a list of entity tags", "invalid-header").With("header", "If-Match"));
        }

        // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches.
        var matched = head is not null && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Equals(ETags.Of(head), StringComparison.Ordinal)));
        if (!matched)
        {
            var current = head is null ? "it has no version" : $"the head is {head.Ref} with ETag {ETags.Of(head)}";
            throw new ApiProblemException(ApiProblem.PreconditionFailed($"If-Match {ifMatch} does not name the head of {key}: {current}")
                .With("kind", key.Kind).With("id", key.Id).With("actual", head?.Version ?? 0).With("etag", head is null ? null : ETags.Of(head)));
        }

        // The store checks the head again inside the append, so a save racing past this check still conflicts (409).
        var version = head!.Version;
        if (expectedVersion is { } given && given != version)
        {
            throw new Errors.VersionConflictException(key.Kind, key.Id, given, version);
        }

        return version;
    }

    public static string Describe(int version) => version.ToString(CultureInfo.InvariantCulture);
}
