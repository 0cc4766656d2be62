using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>A party can suspend its participation toward some parties only, widen it later, and others can object.</summary>
public class suspensions_and_objections_between_parties
{
    private static ParticipationSuspended Toward(string on, string party, params string[] toward) => new(party, toward) { On = D(on) };

    private static readonly Treaty Cfe = Treaty(TreatyKind.Multilateral, "P150D").With(
        Signed("1990-11-19", "Belarus", "Poland", "Czech Republic", "Germany"), InForce("1992-11-09"),
        Toward("2023-03-21", "Poland", "Belarus"),
        Toward("2023-10-30", "Belarus", "Poland", "Czech Republic"),
        new Objection("Poland", ["Belarus"]) { On = D("2023-11-28") },
        Suspended("2024-06-12", "Belarus"));

    [Fact]
    public void a_suspension_toward_some_parties_names_them_and_leaves_the_party_bound_toward_the_rest()
    {
        var snapshot = Cfe.Fold().On(D("2023-12-01"));

        Assert.Empty(Cfe.Fold().Issues);
        var belarus = snapshot.Parties.Single(p => p.Name == "Belarus");
        Assert.Equal((PartyStatus.Suspended, D("2023-10-30")), (belarus.Status, belarus.Since));
        Assert.Equal(["Poland", "Czech Republic"], belarus.Toward);
        Assert.Equal(["Belarus"], snapshot.Parties.Single(p => p.Name == "Poland").Toward);
        Assert.Null(snapshot.Parties.Single(p => p.Name == "Germany").Toward);
    }

    [Fact]
    public void a_suspension_toward_parties_that_have_all_left_lapses_the_day_the_last_of_them_leaves()
    {
        var openSkies = Treaty(TreatyKind.Multilateral).With(
            Signed("1992-03-24", "Georgia", "Russia", "Belarus", "Canada"), InForce("2002-01-01"),
            Toward("2012-03-01", "Georgia", "Russia", "Belarus"),
            Notice("2020-05-22", "Belarus", "2020-11-22"),
            Notice("2021-06-18", "Russia", "2021-12-18"));
        var timeline = openSkies.Fold();

        Assert.Empty(timeline.Issues);
        var stillSuspended = timeline.On(D("2021-12-17")).Parties.Single(p => p.Name == "Georgia");
        Assert.Equal(PartyStatus.Suspended, stillSuspended.Status);
        Assert.Equal(["Russia", "Belarus"], stillSuspended.Toward);
        var georgia = timeline.On(D("2021-12-18")).Parties.Single(p => p.Name == "Georgia");
        Assert.Equal((PartyStatus.Party, D("2021-12-18")), (georgia.Status, georgia.Since));
        Assert.Equal((PartyStatus.Suspended, D("2012-03-01"), StandingEnd.SuspensionLapsed), (georgia.Before!.Status, georgia.Before.Since, georgia.Before.EndedBy));
        Assert.Equal(["Russia", "Belarus"], georgia.Before.Toward);
        Assert.DoesNotContain(timeline.On(D("2024-01-01")).Parties, p => p.Status == PartyStatus.Suspended);
    }

    [Fact]
    public void a_suspension_toward_all_does_not_lapse_when_some_leave()
    {
        var treaty = Treaty(TreatyKind.Multilateral).With(Signed("1992-03-24", "Georgia", "Russia", "Canada"), InForce("2002-01-01"),
            Suspended("2012-03-01", "Georgia"), Notice("2021-06-18", "Russia", "2021-12-18"));

        Assert.Equal(PartyStatus.Suspended, treaty.Fold().On(D("2024-01-01")).Parties.Single(p => p.Name == "Georgia").Status);
    }

    [Fact]
    public void a_later_suspension_toward_all_widens_one_toward_some()
    {
        var belarus = Cfe.Fold().On(D("2024-07-01")).Parties.Single(p => p.Name == "Belarus");

        Assert.Equal((PartyStatus.Suspended, D("2024-06-12"), null), (belarus.Status, belarus.Since, belarus.Toward));
    }

    [Fact]
    public void a_suspension_toward_parties_already_named_adds_nothing_and_is_an_issue()
    {
        var again = Cfe.With(Toward("2023-11-01", "Belarus", "Poland"));

        Assert.Contains(again.Fold().Issues, i => i.Message == "'Belarus' had already suspended its participation toward Poland, Czech Republic");
    }

    [Fact]
    public void an_objection_is_dated_and_changes_nobody_s_status()
    {
        var withObjection = Cfe.Fold();
        var without = Treaty(TreatyKind.Multilateral, "P150D").With([.. Cfe.Facts.Select(f => f.Event).Where(e => e is not Objection)]).Fold();

        Assert.Empty(withObjection.On(D("2023-11-27")).Objections);
        var objection = Assert.Single(withObjection.On(D("2023-11-28")).Objections);
        Assert.Equal("Poland", objection.Party);
        Assert.Equal(["Belarus"], objection.Toward);
        Assert.Equal(without.Parties.SelectMany(p => p.Intervals), withObjection.Parties.SelectMany(p => p.Intervals), new IntervalsAlike());
    }

    [Theory]
    [InlineData("Poland", "a party cannot object to its own act")]
    [InlineData("Russia", "'Russia' is not a signatory or party of this treaty on 2023-11-28 (known: Belarus, Poland, Czech Republic, Germany)")]
    public void an_objection_names_another_party(string toward, string expected)
    {
        var treaty = Cfe.With(new Objection("Poland", [toward]) { On = D("2023-11-28") });

        Assert.Contains(treaty.Fold().Issues, i => i.Message == expected);
    }

    /// <summary>The same status over the same days; the facts of two records have ids of their own.</summary>
    private sealed class IntervalsAlike : IEqualityComparer<PartyInterval>
    {
        public bool Equals(PartyInterval? a, PartyInterval? b) =>
            a is not null && b is not null && (a.Status, a.From, a.To, a.EffectiveOn) == (b.Status, b.From, b.To, b.EffectiveOn)
            && (a.Toward ?? []).SequenceEqual(b.Toward ?? []);

        public int GetHashCode(PartyInterval interval) => interval.From.GetHashCode();
    }
}
