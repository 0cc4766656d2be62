using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>Once a treaty has ended, no party stands in it: each shows how it ended, and where it stood just before.</summary>
public class treaties_that_end
{
    private const string Us = "United States";
    private const string Ru = "Russia";

    private static readonly PartyStatus[] InTheTreaty = [PartyStatus.Signatory, PartyStatus.Ratified, PartyStatus.ProvisionallyApplying,
        PartyStatus.Party, PartyStatus.Suspended, PartyStatus.Withdrawing];

    private static readonly Treaty NewStart = Treaty(TreatyKind.Bilateral, "P3M", "P10Y").With(
        Signed("2010-04-08", Us, Ru), InForce("2011-02-05"), Extended("2021-02-03", "2026-02-05"), Suspended("2023-02-28", Ru));

    [Fact]
    public void an_expired_treaty_shows_every_party_as_expired_with_its_standing_before()
    {
        var snapshot = NewStart.Fold().On(D("2026-12-01"));

        Assert.Equal(TreatyStatus.Expired, snapshot.Status);
        Assert.All(snapshot.Parties, p => Assert.Equal((PartyStatus.Expired, D("2026-02-05")), (p.Status, p.Since)));
        var russia = snapshot.Parties.Single(p => p.Name == Ru);
        Assert.Equal(new PartyStanding(PartyStatus.Suspended, D("2023-02-28")) { EndedBy = StandingEnd.TreatyEnded }, russia.Before);
        Assert.Equal(new PartyStanding(PartyStatus.Party, D("2011-02-05")) { EndedBy = StandingEnd.TreatyEnded }, snapshot.Parties.Single(p => p.Name == Us).Before);
        Assert.Equal(PartyStatus.Suspended, NewStart.Fold().On(D("2026-02-04")).Parties.Single(p => p.Name == Ru).Status);
    }

    [Fact]
    public void a_bilateral_treaty_ended_by_a_withdrawal_shows_the_one_withdrawn_and_the_other_terminated()
    {
        var inf = Treaty().With(Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), Notice("2019-02-02", Us, "2019-08-02"), Suspended("2019-03-04", Ru));

        var snapshot = inf.Fold().On(D("2019-08-02"));

        Assert.Equal(PartyStatus.Withdrawn, snapshot.Parties.Single(p => p.Name == Us).Status);
        var russia = snapshot.Parties.Single(p => p.Name == Ru);
        Assert.Equal((PartyStatus.Terminated, D("2019-08-02")), (russia.Status, russia.Since));
        Assert.Equal(PartyStatus.Suspended, russia.Before!.Status);
    }

    [Fact]
    public void a_superseded_treaty_names_its_successor_and_no_party_stands_in_it()
    {
        var sort = Treaty(TreatyKind.Bilateral, "P3M").With(Signed("2002-05-24", Us, Ru), InForce("2003-06-01"),
            new Superseded("new-start") { On = D("2011-02-05") });

        var snapshot = sort.Fold().On(D("2012-01-01"));

        Assert.Equal((TreatyStatus.Superseded, "new-start"), (snapshot.Status, snapshot.SupersededBy));
        Assert.All(snapshot.Parties, p => Assert.Equal(PartyStatus.Superseded, p.Status));
    }

    [Fact]
    public void on_no_day_after_the_end_does_any_party_stand_in_the_treaty()
    {
        foreach (var (treaty, end) in new[] { (NewStart, D("2026-02-05")), (Treaty().With(Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), Terminated("2019-08-02")), D("2019-08-02")) })
        {
            var timeline = treaty.Fold();
            foreach (var day in new[] { end, end.AddDays(1), end.AddYears(5) })
                Assert.All(timeline.On(day).Parties, p => Assert.DoesNotContain(p.Status, InTheTreaty));
        }
    }

    [Fact]
    public void a_term_s_expiry_is_as_sure_as_the_entry_into_force_it_follows_from_whether_folded_whole_or_continued()
    {
        var inForce = Treaty(TreatyKind.Bilateral, term: "P10Y").With(
            Signed("1989-01-01", Us, Ru), new EnteredIntoForce { On = D("1990-01-01"), Certainty = DateCertainty.Year });
        inForce.Fold();
        var continued = inForce.With(new Statement { On = D("2005-01-01") });
        var whole = Treaty(TreatyKind.Bilateral, term: "P10Y").With([.. continued.Facts.Select(f => f.Event)]);

        Assert.All(new[] { continued.Fold(), whole.Fold() }, timeline =>
            Assert.Equal((TreatyStatus.Expired, DateCertainty.Year), (timeline.Treaty[^1].Status, timeline.Treaty[^1].Certainty)));
    }

    [Fact]
    public void a_term_that_would_run_past_the_last_date_is_an_issue_not_a_crash()
    {
        var issue = Assert.Single(Treaty(TreatyKind.Bilateral, term: "P9000Y").With(Signed("1989-01-01", Us, Ru), InForce("1990-01-01")).Fold().Issues);

        Assert.Contains("would run past 9999-12-31", issue.Message);
    }

    [Fact]
    public void no_state_ratifies_or_revokes_a_ratification_once_the_treaty_has_ended()
    {
        var ended = Treaty(TreatyKind.Multilateral).With(Signed("1990-01-01", Us, Ru), new Superseded("later") { On = D("1995-01-01") });

        Assert.All(new TreatyEvent[] { new Ratified(Us) { On = D("1996-01-01") }, new RatificationRevoked(Ru) { On = D("1996-01-01") } },
            fact => Assert.Contains("had already been superseded", Assert.Single(ended.With(fact).Fold().Issues).Message));
    }
}
