using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts.Tokens;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;

namespace Verso.Server.Endpoints;

/// <summary>Token management for admins: list, make (the token is shown once), revoke.</summary>
internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/tokens", ListAsync).WithName("listTokens").WithTags("tokens").Reads<TokenList>("Every token (never its secret); admin").RequireRole(ApiRole.Admin);
        api.MapPost("/tokens", AddAsync).WithName("addToken").WithTags("tokens").Writes<TokenRequest, TokenInfo>("Make a token; its text is in this answer only; admin").RequireRole(ApiRole.Admin);
        api.MapDelete("/tokens/{name}", RevokeAsync).WithName("revokeToken").WithTags("tokens").Reads<TokenInfo>("Revoke a token; admin").RequireRole(ApiRole.Admin);
    }

    private static async Task<JsonHttpResult<TokenList>> ListAsync(TokenStore tokens, CancellationToken cancellationToken)
    {
        return WireResults.Ok(WireTokens.Of(await tokens.ListAsync(cancellationToken)));
    }

    private static async Task<JsonHttpResult<TokenInfo>> AddAsync(HttpContext http, TokenStore tokens, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
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
        return WireResults.Created(WireTokens.Of(record, secret: token));
    }

    private static async Task<JsonHttpResult<TokenInfo>> RevokeAsync(HttpContext http, TokenStore tokens, string name, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        return WireResults.Ok(WireTokens.Of(await tokens.RevokeAsync(name, caller.Name, cancellationToken)));
    }
}
