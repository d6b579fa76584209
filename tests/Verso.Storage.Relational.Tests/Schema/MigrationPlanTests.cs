using Verso.Storage.Relational.Schema;

namespace Verso.Storage.Relational.Tests.Schema;

public sealed class MigrationPlanTests
{
    private static readonly IReadOnlyList<SchemaMigration> Steps = Enumerable.Range(1, 8).Select(n => new SchemaMigration(n, $"-- {n}")).ToList();

    // PostgreSQL's old numbers: 4 was content removals (now 5), 5 import sources (now 6), 6 the change sequence (now 4).
    private static readonly Dictionary<int, int> Old = new() { [4] = 5, [5] = 6, [6] = 4 };

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    public void OutsideTheRenumberedStepsAStoreRunsWhatComesAfterIt(int from)
    {
        var plan = MigrationPlan.For(Steps, from, Old);

        Assert.Equal(Enumerable.Range(from + 1, 8 - from), plan.Pending.Select(m => m.Version));
        Assert.Empty(plan.Renumbered);
        Assert.Equal(string.Empty, plan.RenumberSql("verso_schema"));
    }

    [Fact]
    public void AStoreAnOldBinaryLeftAtFourRunsTheStepsItHasNotRunUnderTheirNewNumbers()
    {
        var plan = MigrationPlan.For(Steps, 4, Old);

        // It ran old 4 (content removals, now 5): the change sequence (now 4) and import sources (now 6) are still due.
        Assert.Equal([4, 6, 7, 8], plan.Pending.Select(m => m.Version));
        Assert.Equal([(4, 5)], plan.Renumbered);
    }

    [Fact]
    public void AStoreAnOldBinaryLeftAtFiveHasItsRowsMovedWithoutAClash()
    {
        var plan = MigrationPlan.For(Steps, 5, Old);

        Assert.Equal([4, 7, 8], plan.Pending.Select(m => m.Version));
        Assert.Equal([(4, 5), (5, 6)], plan.Renumbered);
        Assert.Equal(
            "UPDATE t SET version = -5 WHERE version = 4;\nUPDATE t SET version = -6 WHERE version = 5;\nUPDATE t SET version = -version WHERE version < 0;\n",
            plan.RenumberSql("t"));
    }

    [Fact]
    public void AStoreWithoutOldNumbersRunsEverythingAfterIt()
    {
        var plan = MigrationPlan.For(Steps, 5, new Dictionary<int, int>());

        Assert.Equal([6, 7, 8], plan.Pending.Select(m => m.Version));
        Assert.Empty(plan.Renumbered);
    }
}
