using System.Collections.Immutable;
using System.Text.Json;
using Verso.Storage.Integrity;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning.Signatures;

// Verify's check of signed events, fed from the same snapshot scan as every other check: the signing setting's
// history says when signing was on and with which key; each event in those periods must have a signature record
// whose payload is the statement rebuilt from the event as recorded, signed by the key in force at the event.
internal sealed class EventSignatureCheck
{
    private readonly List<(DateTimeOffset From, VerificationKey? Key)> _settings = [];
    private readonly Dictionary<string, string> _records = new(StringComparer.Ordinal);
    private readonly List<SignedEvent> _events = [];

    public void Collect(Snapshot version)
    {
        if (version.Key == EventSigning.SettingKey && version.HasContent)
        {
            _settings.Add((version.SavedAt, EventSigning.ReadKey(version.Content)));
        }
        else if (version.Key.Kind == EventSigning.SignatureKind && version.HasContent)
        {
            _records[version.Key.Id] = version.ContentText();
        }
        else if (version.HasContent && SignedEvent.IsSigned(version))
        {
            _events.Add(SignedEvent.ForVersion(version));
        }
    }

    public void AddMove(TagMove move) => _events.Add(SignedEvent.ForTagMove(move));

    public void Check(ImmutableArray<IntegrityProblem>.Builder problems)
    {
        if (_settings.Count == 0 && _records.Count == 0)
        {
            return;
        }

        foreach (var signed in _events)
        {
            var key = KeyAt(signed.At);
            if (!_records.TryGetValue(signed.Id, out var record))
            {
                if (key is not null)
                {
                    problems.Add(new IntegrityProblem(signed.Ref, $"its {Event(signed)} is not signed, though events are signed by key {key.KeyId[..16]}… since {Naming.Timestamp.Format(_settings.Last(s => s.From <= signed.At).From)}"));
                }

                continue;
            }

            if (Problem(signed, record, key) is { } reason)
            {
                problems.Add(new IntegrityProblem(signed.Ref, $"the signature of its {Event(signed)} {reason}"));
            }
        }
    }

    private static string? Problem(SignedEvent signed, string record, VerificationKey? key)
    {
        DsseEnvelope envelope;
        try
        {
            using var document = JsonDocument.Parse(record);
            envelope = DsseEnvelope.Parse(document.RootElement.GetProperty("envelope").GetRawText());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidSignatureException)
        {
            return "record is not a signature";
        }

        if (!envelope.Payload.AsSpan().SequenceEqual(signed.Statement.ToPayload()))
        {
            return "is over another event: the event was changed after it was signed";
        }

        if (key is null)
        {
            return null;
        }

        try
        {
            envelope.Verify(key);
            return null;
        }
        catch (InvalidSignatureException)
        {
            return $"does not verify under key {key.KeyId[..16]}…, the key in force then";
        }
    }

    private VerificationKey? KeyAt(DateTimeOffset at) =>
        _settings.Where(s => s.From <= at).Select(s => s.Key).LastOrDefault();

    private static string Event(SignedEvent signed) => signed.Statement.Predicate["event"]?.GetValue<string>() switch
    {
        "tag-move" => $"tag move of {signed.Statement.Predicate["tag"]} (by {signed.Statement.Predicate["by"]})",
        "policy" => "policy change",
        "rollout" => "rollout change",
        _ => "change request apply",
    };
}
