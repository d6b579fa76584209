using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;

namespace Verso.Server.Endpoints;

/// <summary>Token management for admins: list, make (the token is shown once), revoke.</summary>
internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/tokens", ListAsync).WithName("listTokens").WithTags("tokens").Reads<OpenApi.TokenList>("Every token (never its secret); admin");
        api.MapPost("/tokens", AddAsync).WithName("addToken").WithTags("tokens").Writes<OpenApi.TokenRequest, OpenApi.TokenInfo>("Make a token; its text is in this answer only; admin");
        api.MapDelete("/tokens/{name}", RevokeAsync).WithName("revokeToken").WithTags("tokens").Reads<OpenApi.TokenInfo>("Revoke a token; admin");
    }

    private static async Task<IResult> ListAsync(HttpContext http, TokenStore tokens, CancellationToken cancellationToken)
    {
        Caller.Of(http).Demand(ApiRole.Admin);
        var list = await tokens.ListAsync(cancellationToken);
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var (record, version) in list)
            {
                writer.WriteStartObject();
                TokenJson.Write(writer, record, version);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> AddAsync(HttpContext http, TokenStore tokens, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Admin);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var name = JsonRequests.OptionalString(root, "name") ?? throw JsonRequests.Invalid("name", "'name' is required");
        var roleName = JsonRequests.OptionalString(root, "role") ?? throw JsonRequests.Invalid("role", "'role' is required: reader, writer or admin");
        var role = TokenRecord.ParseRole(roleName) ?? throw JsonRequests.Invalid("role", $"'role' must be reader, writer or admin, not '{roleName}'");
        var kinds = new List<string>();
        if (root.TryGetProperty("kinds", out var kindList) && kindList.ValueKind != JsonValueKind.Null)
        {
            if (kindList.ValueKind != JsonValueKind.Array || kindList.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.String))
            {
                throw JsonRequests.Invalid("kinds", "'kinds' must be an array of kind names");
            }

            kinds.AddRange(kindList.EnumerateArray().Select(k => k.GetString()!));
        }

        var actAs = JsonRequests.OptionalBool(root, "act_as") ?? false;
        var (record, token) = await tokens.AddAsync(name, role, kinds, actAs, caller.Name, cancellationToken);
        return new JsonBody(
            writer =>
            {
                writer.WriteStartObject();
                TokenJson.Write(writer, record, null);
                writer.WriteString("token", token);
                writer.WriteEndObject();
            },
            StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, TokenStore tokens, string name, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Admin);
        var record = await tokens.RevokeAsync(name, caller.Name, cancellationToken);
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            TokenJson.Write(writer, record, null);
            writer.WriteEndObject();
        });
    }
}
