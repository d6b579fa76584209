using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verso.Agents.Validation;

namespace Verso.Agents.Tests.Validation;

public sealed class StringFormatTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 9_999_999))
            .Select(t => new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(t.Item1).AddTicks(t.Item2));

    [Theory]
    [InlineData("2026-11-01T12:00:00Z")]
    [InlineData("2026-11-01T12:00:00+00:00")]
    [InlineData("2026-11-01T12:00:00.5Z")]
    [InlineData("2026-11-01T12:00:00.1234567Z")]
    public void UtcTimestampsAreAccepted(string text) => Assert.True(StringFormat.UtcTimestamp.IsValid(text));

    [Theory]
    [InlineData("2026-11-01T12:00:00+02:00")]
    [InlineData("2026-11-01T12:00:00-00:00")]
    [InlineData("2026-11-01T12:00:00")]
    [InlineData("2026-11-01")]
    [InlineData("2026-13-01T12:00:00Z")]
    [InlineData("2026-02-30T12:00:00Z")]
    [InlineData("2026-11-01T12:00:00Z\n")]
    [InlineData("2026-11-01 12:00:00Z")]
    public void TimestampsThatAreNotIsoUtcAreRefused(string text) => Assert.False(StringFormat.UtcTimestamp.IsValid(text));

    [Fact]
    public void EveryUtcInstantInRoundTripFormIsAcceptedAndTheSameClockTimeAtAnotherOffsetIsNot()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(Instants), instant =>
            StringFormat.UtcTimestamp.IsValid(instant.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture))
            && StringFormat.UtcTimestamp.IsValid(instant.ToString("O", CultureInfo.InvariantCulture))
            && !StringFormat.UtcTimestamp.IsValid(instant.ToOffset(TimeSpan.FromHours(1)).ToString("O", CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.0")]
    [InlineData("10.20.30")]
    [InlineData("2.0.0-rc.1+build.5")]
    [InlineData("1.0.0-alpha-a.b-c")]
    public void SemanticVersionsAreAccepted(string text) => Assert.True(StringFormat.SemVer.IsValid(text));

    [Theory]
    [InlineData("1.2")]
    [InlineData("v1.2.0")]
    [InlineData("01.2.0")]
    [InlineData("1.2.0-")]
    [InlineData("1.2.0-01")]
    [InlineData("1.2.0\n")]
    public void StringsThatAreNotSemanticVersionsAreRefused(string text) => Assert.False(StringFormat.SemVer.IsValid(text));

    [Theory]
    [InlineData("alice", true)]
    [InlineData("a.b_c-9", true)]
    [InlineData("-alice", false)]
    [InlineData("../etc", false)]
    [InlineData("alice\n", false)]
    [InlineData("", false)]
    public void EntityIdsFollowTheNamingRule(string text, bool valid) => Assert.Equal(valid, StringFormat.EntityId.IsValid(text));

    [Fact]
    public void AnEntityIdMayHave128CharactersButNotMore()
    {
        Assert.True(StringFormat.EntityId.IsValid(new string('a', 128)));
        Assert.False(StringFormat.EntityId.IsValid(new string('a', 129)));
    }
}
