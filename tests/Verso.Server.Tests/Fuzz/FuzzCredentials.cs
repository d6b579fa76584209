namespace Verso.Server.Tests.Fuzz;

/// <summary>The Authorization headers of the tokens the fuzzer made: an act-as admin and a reader.</summary>
public sealed record FuzzCredentials(string Admin, string Reader);
