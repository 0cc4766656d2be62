using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>A treaty's record says which states it follows; the last scope recorded holds, whatever day is asked about.</summary>
public class the_scope_of_a_record
{
    private static ScopeStated Follows(string on, params string[] states) => new(states.Length == 0 ? null : states) { On = D(on) };

    private static readonly Treaty Ctbt = Treaty(TreatyKind.Multilateral).With(
        Signed("1996-09-24", "United States", "Russia"), Follows("2026-12-01", "United States", "Russia"));

    [Fact]
    public void a_record_without_a_scope_follows_every_state_that_acted()
    {
        var scope = Treaty(TreatyKind.Multilateral).With(Signed("1996-09-24", "A", "B")).Fold().On(D("2000-01-01")).Scope;

        Assert.Equal((true, null), (scope.Complete, scope.Follows));
        Assert.Equal("This record follows every state that acted on the treaty.", scope.Description);
    }

    [Fact]
    public void a_partial_scope_names_the_states_followed_on_any_day_asked_about()
    {
        foreach (var day in new[] { "1996-09-24", "2010-01-01", "2030-01-01" })
        {
            var scope = Ctbt.Fold().On(D(day)).Scope;
            Assert.False(scope.Complete);
            Assert.Equal(["United States", "Russia"], scope.Follows);
            Assert.Equal("This record follows only United States and Russia: the acts of other states are not recorded.", scope.Description);
        }
    }

    [Fact]
    public void the_last_scope_recorded_holds_and_a_retracted_one_no_longer_counts()
    {
        var completed = Ctbt.With(Follows("2026-11-01"));
        Assert.True(completed.Fold().On(D("2000-01-01")).Scope.Complete);

        var stated = completed.Facts[^1].Id;
        var retracted = completed.With(new EventRetracted(stated, "stated too early") { On = D("2026-12-02") });
        Assert.False(retracted.Fold().On(D("2000-01-01")).Scope.Complete);
    }

    [Fact]
    public void a_scope_must_name_states_of_the_treaty()
    {
        var issues = Ctbt.With(Follows("2026-12-02", "France")).Fold().Issues;

        Assert.Contains(issues, i => i.Message.StartsWith("'France' is not a signatory or party of this treaty", StringComparison.Ordinal));
    }
}
