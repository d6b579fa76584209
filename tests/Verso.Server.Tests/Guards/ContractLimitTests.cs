namespace Verso.Server.Tests.Guards;

/// <summary>Limits the contracts repeat (they may not reference Core) stay equal to the ones Core enforces.</summary>
public sealed class ContractLimitTests
{
    [Fact]
    public void ThePruneRequestDocumentsTheKeepDaysTheRetentionPolicyTakes() =>
        Assert.Equal(Storage.Retention.RetentionPolicy.MaxKeepDays, Contracts.Admin.PruneRequest.MaxKeepDays);
}
