using System.Text.Json;
using System.Text.Json.Serialization;
using Verso.Contracts.Admin;
using Verso.Contracts.ChangeRequests;
using Verso.Contracts.Changes;
using Verso.Contracts.Checks;
using Verso.Contracts.Compare;
using Verso.Contracts.Decisions;
using Verso.Contracts.Documents;
using Verso.Contracts.Import;
using Verso.Contracts.Json;
using Verso.Contracts.Policies;
using Verso.Contracts.Problems;
using Verso.Contracts.Promotion;
using Verso.Contracts.Rollouts;
using Verso.Contracts.Signatures;
using Verso.Contracts.Store;
using Verso.Contracts.Tags;
using Verso.Contracts.Tokens;
using Verso.Contracts.Versions;

namespace Verso.Contracts;

/// <summary>
/// The one source-generated JSON context of every wire type: no reflection, so the server, the CLI's NativeAOT
/// build and the client all serialize the same records the same way. Names are snake_case and absent values are
/// left out, as Verso's answers always were. Use <see cref="VersoJson.Options"/>, which adds the text encoder.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(RawJson))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(CheckInfo))]
[JsonSerializable(typeof(CheckList))]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(RecordedCheck))]
[JsonSerializable(typeof(TagMove))]
[JsonSerializable(typeof(List<TagMove>))]
[JsonSerializable(typeof(TagMoveResult))]
[JsonSerializable(typeof(TagRequest))]
[JsonSerializable(typeof(TokenInfo))]
[JsonSerializable(typeof(TokenList))]
[JsonSerializable(typeof(List<TokenInfo>))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(AppendOutcomeInfo))]
[JsonSerializable(typeof(EntityPage))]
[JsonSerializable(typeof(List<EntityListing>))]
[JsonSerializable(typeof(List<KindCount>))]
[JsonSerializable(typeof(List<LoggedVersion>))]
[JsonSerializable(typeof(RollbackRequest))]
[JsonSerializable(typeof(ShownVersion))]
[JsonSerializable(typeof(VersionMetadata))]
[JsonSerializable(typeof(VersionCheck))]
[JsonSerializable(typeof(VersionPage))]
[JsonSerializable(typeof(VersionWithContent))]
[JsonSerializable(typeof(ChangeEntry))]
[JsonSerializable(typeof(ChangePage))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(KindList))]
[JsonSerializable(typeof(ManifestResult))]
[JsonSerializable(typeof(BlameResult))]
[JsonSerializable(typeof(List<BlameEntry>))]
[JsonSerializable(typeof(CompatVerdict))]
[JsonSerializable(typeof(DiffResult))]
[JsonSerializable(typeof(List<Change>))]
[JsonSerializable(typeof(List<PatchOperation>))]
[JsonSerializable(typeof(MergeRequest))]
[JsonSerializable(typeof(MergeResult))]
[JsonSerializable(typeof(List<MergeConflict>))]
[JsonSerializable(typeof(Referrers))]
[JsonSerializable(typeof(IntegrityReport))]
[JsonSerializable(typeof(VerifyProgress))]
[JsonSerializable(typeof(PruneRequest))]
[JsonSerializable(typeof(PruneResult))]
[JsonSerializable(typeof(EraseRequest))]
[JsonSerializable(typeof(ErasureResult))]
[JsonSerializable(typeof(ImportRequest))]
[JsonSerializable(typeof(ImportResult))]
[JsonSerializable(typeof(PolicyList))]
[JsonSerializable(typeof(EraseAllRequest))]
[JsonSerializable(typeof(EntityErasureResult))]
[JsonSerializable(typeof(TagSignatures))]
[JsonSerializable(typeof(DsseEnvelopeDocument))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(HashResult))]
[JsonSerializable(typeof(ActorRequest))]
[JsonSerializable(typeof(AppliedChangeRequest))]
[JsonSerializable(typeof(ChangeRequestDetail))]
[JsonSerializable(typeof(ChangeRequestInfo))]
[JsonSerializable(typeof(List<ChangeRequestInfo>))]
[JsonSerializable(typeof(ChangeRequestList))]
[JsonSerializable(typeof(ProposeRequest))]
[JsonSerializable(typeof(ReviewRequest))]
[JsonSerializable(typeof(ReviseRequest))]
[JsonSerializable(typeof(DecisionInput))]
[JsonSerializable(typeof(DecisionResult))]
[JsonSerializable(typeof(PromotionStatus))]
[JsonSerializable(typeof(TagPromotion))]
[JsonSerializable(typeof(Resolution))]
[JsonSerializable(typeof(RolloutActionRequest))]
[JsonSerializable(typeof(RolloutHistory))]
[JsonSerializable(typeof(RolloutInfo))]
[JsonSerializable(typeof(RolloutReport))]
[JsonSerializable(typeof(RolloutStartRequest))]
[JsonSerializable(typeof(RolloutWeightRequest))]
public sealed partial class VersoJsonContext : JsonSerializerContext;
