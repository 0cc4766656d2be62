using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>A treaty signed and ratified, but never in force: a ratification stands on its own, a signature can be renounced, and the treaty abandoned.</summary>
public class treaties_that_never_enter_into_force
{
    private const string Us = "United States";
    private const string Ru = "Russia";

    private static Abandoned Abandoned(string on) => new() { On = D(on) };
    private static SignatureRenounced Renounced(string on, string party) => new(party) { On = D(on) };
    private static Ratified Ratified(string on, string party) => new(party) { On = D(on) };

    private static readonly Treaty StartTwo = Treaty().With(
        Signed("1993-01-03", Us, Ru), Ratified("1996-01-26", Us), Ratified("2000-05-04", Ru), Renounced("2002-06-14", Ru), Abandoned("2002-06-14"));

    [Fact]
    public void a_ratification_is_a_standing_of_its_own_until_the_treaty_is_in_force()
    {
        var snapshot = StartTwo.Fold().On(D("1998-01-01"));

        Assert.Equal(TreatyStatus.Signed, snapshot.Status);
        Assert.Equal(PartyStatus.Ratified, snapshot.Parties.Single(p => p.Name == Us).Status);
        Assert.Equal(PartyStatus.Signatory, snapshot.Parties.Single(p => p.Name == Ru).Status);
    }

    [Fact]
    public void an_abandoned_treaty_shows_the_renouncing_party_as_renounced_and_the_other_as_abandoned_with_its_standing_before()
    {
        var timeline = StartTwo.Fold();
        var snapshot = timeline.On(D("2010-01-01"));

        Assert.Empty(timeline.Issues);
        Assert.Equal((TreatyStatus.Abandoned, D("2002-06-14")), (snapshot.Status, snapshot.Since));
        Assert.Equal((PartyStatus.Renounced, D("2002-06-14")), (snapshot.Parties.Single(p => p.Name == Ru).Status, snapshot.Parties.Single(p => p.Name == Ru).Since));
        var us = snapshot.Parties.Single(p => p.Name == Us);
        Assert.Equal(PartyStatus.Abandoned, us.Status);
        Assert.Equal(new PartyStanding(PartyStatus.Ratified, D("1996-01-26")) { EndedBy = StandingEnd.TreatyEnded }, us.Before);
        Assert.Equal(TreatyStatus.Signed, timeline.On(D("2002-06-13")).Status);
    }

    [Fact]
    public void a_revoked_ratification_leaves_a_signatory()
    {
        var ctbt = Treaty(TreatyKind.Multilateral).With(Signed("1996-09-24", Us, Ru), Ratified("2000-06-30", Ru),
            new RatificationRevoked(Ru) { On = D("2023-11-02") });

        Assert.Equal(PartyStatus.Ratified, ctbt.Fold().On(D("2010-01-01")).Parties.Single(p => p.Name == Ru).Status);
        Assert.Null(ctbt.Fold().On(D("2010-01-01")).Parties.Single(p => p.Name == Ru).Before);
        var russia = ctbt.Fold().On(D("2024-01-01")).Parties.Single(p => p.Name == Ru);
        Assert.Equal((PartyStatus.Signatory, D("2023-11-02")), (russia.Status, russia.Since));
        Assert.Equal(new PartyStanding(PartyStatus.Ratified, D("2000-06-30")) { EndedBy = StandingEnd.RatificationRevoked }, russia.Before);
    }

    [Fact]
    public void an_entry_into_force_after_a_renunciation_binds_the_others_but_not_the_state_that_renounced()
    {
        var treaty = Treaty(TreatyKind.Multilateral).With(Signed("2000-01-01", Us, Ru, "France"), Renounced("2001-01-01", Us), InForce("2002-01-01"));

        var snapshot = treaty.Fold().On(D("2003-01-01"));

        Assert.Empty(treaty.Fold().Issues);
        Assert.Equal(PartyStatus.Renounced, snapshot.Parties.Single(p => p.Name == Us).Status);
        Assert.All(snapshot.Parties.Where(p => p.Name != Us), p => Assert.Equal(PartyStatus.Party, p.Status));
    }

    [Theory]
    [InlineData("abandoned-in-force", "only a treaty that never entered into force is abandoned; one in force since 1988-06-01 terminates, expires or is superseded")]
    [InlineData("abandoned-unsigned", "a treaty that was never signed cannot be abandoned")]
    [InlineData("renounced-when-bound", "'United States' was bound by the treaty on 1990-01-01: a party leaves by withdrawal")]
    [InlineData("ratified-after-renouncing", "'Russia' had renounced its signature")]
    [InlineData("abandoned-twice", "the treaty had already been abandoned on 2002-06-14")]
    public void what_does_not_fit_a_treaty_s_life_is_an_issue(string story, string expected)
    {
        TreatyEvent[] facts = story switch
        {
            "abandoned-in-force" => [Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), Abandoned("1990-01-01")],
            "abandoned-unsigned" => [Abandoned("1990-01-01")],
            "renounced-when-bound" => [Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), Renounced("1990-01-01", Us)],
            "ratified-after-renouncing" => [Signed("1993-01-03", Us, Ru), Renounced("1995-01-01", Ru), Ratified("1996-01-01", Ru)],
            _ => [.. StartTwo.Facts.Select(f => f.Event), Abandoned("2003-01-01")]
        };

        Assert.Contains(Treaty().With(facts).Fold().Issues, i => i.Message == expected);
    }
}
