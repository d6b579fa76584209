using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Verso.Server.Endpoints;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;

namespace Verso.Server.Http.Tests;

/// <summary>
/// The rules every HTTP face of Verso takes from this layer, checked on real ASP.NET Core request objects: a face
/// built on it (the server, the Agents face) refuses the same bodies and callers with the same problems.
/// </summary>
public sealed class SharedEdgeTests
{
    private static readonly VersoServerOptions Options = new() { MaxRequestBodyBytes = 64 };

    [Fact]
    public async Task ABodyIsOneJsonObjectWithinTheLimit()
    {
        using var body = await JsonRequests.ReadObjectAsync(Request("""{"b":1,"a":"x"}""").Request, Options, CancellationToken.None);
        Assert.Equal("x", JsonRequests.OptionalString(body.RootElement, "a"));

        var array = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequests.ReadObjectAsync(Request("[1]").Request, Options, CancellationToken.None));
        Assert.Equal((400, "invalid-body"), (array.Problem.Status, array.Problem.Slug));
        var large = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequests.ReadObjectAsync(Request($$"""{"a":"{{new string('x', 64)}}"}""").Request, Options, CancellationToken.None));
        Assert.Equal(413, large.Problem.Status);
        var text = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequests.ReadObjectAsync(Request("{}", "text/plain").Request, Options, CancellationToken.None));
        Assert.Equal(415, text.Problem.Status);
    }

    [Fact]
    public void AFieldOfTheWrongTypeIsNamedInItsProblem()
    {
        using var body = System.Text.Json.JsonDocument.Parse("""{"n":0,"s":3}""");

        var number = Assert.Throws<ApiProblemException>(() => JsonRequests.OptionalInt(body.RootElement, "n", 1));
        var text = Assert.Throws<ApiProblemException>(() => JsonRequests.OptionalString(body.RootElement, "s"));

        Assert.Equal("/n", number.Problem.Extensions["field"]);
        Assert.Equal("/s", text.Problem.Extensions["field"]);
    }

    [Fact]
    public void AHandlerDemandsTheRoleItsEndpointDeclares()
    {
        var http = Request("{}");
        http.SetEndpoint(Endpoint(new ApiAccessRequirement(ApiRole.Writer)));
        Caller.Set(http, new Caller("reader", ApiRole.Reader, [], ActAs: false));

        var refused = Assert.Throws<ApiProblemException>(() => KindAccess.DemandDeclaredRole(http, "decision"));

        Assert.Equal(403, refused.Problem.Status);
        Assert.Equal("writer", refused.Problem.Extensions["required_role"]);
        Caller.Set(http, new Caller("writer", ApiRole.Writer, ["decision"], ActAs: false));
        KindAccess.DemandDeclaredRole(http, "decision");
        Assert.Throws<ApiProblemException>(() => KindAccess.DemandDeclaredRole(http, "agent"));
    }

    [Fact]
    public void AnEndpointWithoutADeclaredRoleIsAnErrorOfTheServerNotAnOpenDoor()
    {
        var http = Request("{}");
        http.SetEndpoint(Endpoint());

        Assert.Throws<InvalidOperationException>(() => KindAccess.DemandDeclaredRole(http, "decision"));
    }

    [Fact]
    public void OnlyAnActAsTokenRecordsAnotherName()
    {
        var plain = new Caller("ci", ApiRole.Writer, [], ActAs: false);
        var actAs = new Caller("ops", ApiRole.Writer, [], ActAs: true);

        Assert.Equal("ci", plain.SavedBy(null));
        Assert.Equal(403, Assert.Throws<ApiProblemException>(() => plain.SavedBy("ann")).Problem.Status);
        Assert.Equal("ann (via ops)", actAs.SavedBy("ann"));
        Assert.Equal("invalid-name", Assert.Throws<ApiProblemException>(() => actAs.SavedBy("ann\nroot")).Problem.Slug);
    }

    [Fact]
    public void ASubjectIsAKeyNotADocument()
    {
        Assert.Equal(new string('s', RolloutSubjects.MaxLength), RolloutSubjects.Check(new string('s', RolloutSubjects.MaxLength)));
        Assert.Null(RolloutSubjects.Check(null));

        var refused = Assert.Throws<ApiProblemException>(() => RolloutSubjects.Check(new string('s', RolloutSubjects.MaxLength + 1)));

        Assert.Equal((400, "invalid-subject"), (refused.Problem.Status, refused.Problem.Slug));
    }

    private static DefaultHttpContext Request(string json, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var http = new DefaultHttpContext();
        http.Request.ContentType = contentType;
        http.Request.ContentLength = bytes.Length;
        http.Request.Body = new MemoryStream(bytes);
        return http;
    }

    private static RouteEndpoint Endpoint(params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/v1/decisions"), 0, new EndpointMetadataCollection(metadata), "test");
}
