using System.Text.Json;
using System.Text.Json.Serialization;
using Verso.Contracts.ChangeRequests;
using Verso.Contracts.Checks;
using Verso.Contracts.Decisions;
using Verso.Contracts.Json;
using Verso.Contracts.Promotion;
using Verso.Contracts.Rollouts;
using Verso.Contracts.Tags;
using Verso.Contracts.Tokens;

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
