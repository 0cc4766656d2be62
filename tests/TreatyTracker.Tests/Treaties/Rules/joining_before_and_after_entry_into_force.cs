using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>Ratification, provisional application and accession each show until the treaty binds the state.</summary>
public class joining_before_and_after_entry_into_force
{
    private static readonly Treaty OpenSkies = Treaty(TreatyKind.Multilateral).With(
        Signed("1992-03-24", "Canada", "Hungary", "Kyrgyzstan"),
        new ProvisionallyApplied { On = D("1992-03-24") },
        new Ratified("Canada") { On = D("1992-07-21") },
        new Ratified("Hungary") { On = D("1993-08-01"), Certainty = DateCertainty.Month },
        new EnteredIntoForce { On = D("2002-01-01"), Parties = ["Canada", "Hungary"] },
        new Acceded("Lithuania", D("2005-07-08")) { On = D("2005-05-09") });

    [Fact]
    public void provisional_application_has_a_status_of_its_own_until_entry_into_force()
    {
        var timeline = OpenSkies.Fold();
        var in1995 = timeline.On(D("1995-01-01"));

        Assert.Equal(TreatyStatus.ProvisionallyApplied, in1995.Status);
        Assert.All(in1995.Parties, p => Assert.Equal(PartyStatus.ProvisionallyApplying, p.Status));
        Assert.Equal(TreatyStatus.InForce, timeline.On(D("2002-01-01")).Status);
    }

    [Fact]
    public void entry_into_force_binds_only_the_signatories_it_names()
    {
        var parties = OpenSkies.Fold().On(D("2002-01-01")).Parties;

        Assert.Equal(PartyStatus.Party, parties.Single(p => p.Name == "Canada").Status);
        Assert.Equal(PartyStatus.ProvisionallyApplying, parties.Single(p => p.Name == "Kyrgyzstan").Status);
    }

    [Fact]
    public void an_accession_awaits_the_day_the_treaty_enters_into_force_for_the_state()
    {
        var timeline = OpenSkies.Fold();

        Assert.DoesNotContain(timeline.On(D("2005-05-08")).Parties, p => p.Name == "Lithuania");
        var deposited = timeline.On(D("2005-06-01")).Parties.Single(p => p.Name == "Lithuania");
        Assert.Equal((PartyStatus.Ratified, D("2005-05-09"), (DateOnly?)D("2005-07-08")), (deposited.Status, deposited.Since, deposited.EffectiveOn));
        var party = timeline.On(D("2005-07-08")).Parties.Single(p => p.Name == "Lithuania");
        Assert.Equal((PartyStatus.Party, D("2005-07-08")), (party.Status, party.Since));
        Assert.Empty(timeline.Issues);
    }

    [Fact]
    public void a_status_carries_how_sure_the_date_of_the_fact_that_began_it_is()
    {
        var hungary = OpenSkies.Fold().On(D("1999-01-01")).Parties.Single(p => p.Name == "Hungary");

        Assert.Equal(PartyStatus.ProvisionallyApplying, hungary.Status);
        var ratifiedOnly = Treaty(TreatyKind.Multilateral).With(Signed("1992-03-24", "Canada", "Hungary"),
            new Ratified("Hungary") { On = D("1993-08-01"), Certainty = DateCertainty.Month }).Fold();
        Assert.Equal(DateCertainty.Month, ratifiedOnly.On(D("1994-01-01")).Parties.Single(p => p.Name == "Hungary").SinceCertainty);
    }

    [Fact]
    public void an_entry_into_force_does_not_bind_an_accession_before_its_own_day_unless_it_names_it()
    {
        var record = Treaty(TreatyKind.Multilateral).With(
            Signed("2000-01-01", "A", "B"), new Acceded("C", D("2001-03-01")) { On = D("2000-06-01") });

        var plain = record.With(InForce("2000-12-01")).Fold();
        Assert.Empty(plain.Issues);
        Assert.Equal(PartyStatus.Ratified, plain.On(D("2001-01-01")).Parties.Single(p => p.Name == "C").Status);
        Assert.Equal((PartyStatus.Party, D("2001-03-01")), plain.On(D("2001-03-01")).Parties.Single(p => p.Name == "C") is var c ? (c.Status, c.Since) : default);

        var naming = record.With(new EnteredIntoForce { On = D("2000-12-01"), Parties = ["A", "B", "C"] }).Fold();
        Assert.Equal(PartyStatus.Party, naming.On(D("2001-01-01")).Parties.Single(p => p.Name == "C").Status);
    }
}
