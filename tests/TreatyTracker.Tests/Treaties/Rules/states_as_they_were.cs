using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>A state appears under the name it had on the day asked; a successor stands where its predecessor stood.</summary>
public class states_as_they_were
{
    private static Succeeded Continued(string on, string successor, string predecessor) => new(successor, predecessor, SuccessionKind.Continuation) { On = D(on) };
    private static Succeeded SucceededBy(string on, string successor, string predecessor) => new(successor, predecessor, SuccessionKind.Succession) { On = D(on) };

    private static readonly Treaty Inf = Treaty().With(
        Signed("1987-12-08", "United States", "USSR"), InForce("1988-06-01"), Continued("1991-12-26", "Russia", "USSR"),
        Suspended("2019-03-04", "Russia"), Notice("2019-02-02", "United States", "2019-08-02"));

    [Fact]
    public void a_continuing_state_is_the_same_party_under_the_name_it_had_on_the_day()
    {
        var timeline = Inf.Fold();

        Assert.Empty(timeline.Issues);
        Assert.Contains(timeline.On(D("1988-06-01")).Parties, p => p.Name == "USSR" && p.Status == PartyStatus.Party);
        var russia = timeline.On(D("2019-05-01")).Parties.Single(p => p.Name == "Russia");
        Assert.Equal(PartyStatus.Suspended, russia.Status);
        Assert.Equal([new PartyName("USSR", D("1987-12-08")), new PartyName("Russia", D("1991-12-26"))], russia.Names);
        Assert.Equal(2, timeline.On(D("2019-05-01")).Parties.Count);
    }

    [Fact]
    public void a_fact_may_name_a_continuing_state_by_either_name()
    {
        var timeline = Inf.With(Alleged("2019-02-02", "USSR", "United States")).Fold();

        Assert.Empty(timeline.Issues);
        Assert.Single(timeline.Allegations);
    }

    [Fact]
    public void successor_states_take_over_their_predecessor_s_ratification_from_the_day_of_succession()
    {
        var openSkies = Treaty(TreatyKind.Multilateral).With(
            Signed("1992-03-24", "Canada", "Hungary", "Czechoslovakia"), new Ratified("Czechoslovakia") { On = D("1992-12-21") },
            SucceededBy("1993-01-01", "Czech Republic", "Czechoslovakia"), SucceededBy("1993-01-01", "Slovakia", "Czechoslovakia"),
            InForce("2002-01-01"));

        var timeline = openSkies.Fold();

        Assert.Empty(timeline.Issues);
        var in1993 = timeline.On(D("1993-06-01")).Parties;
        Assert.Equal(PartyStatus.Ratified, in1993.Single(p => p.Name == "Czech Republic").Status);
        Assert.Equal("Czechoslovakia", in1993.Single(p => p.Name == "Slovakia").SuccessorOf);
        var czechoslovakia = in1993.Single(p => p.Name == "Czechoslovakia");
        Assert.Equal(PartyStatus.Succeeded, czechoslovakia.Status);
        Assert.Equal(["Czech Republic", "Slovakia"], czechoslovakia.SucceededBy);
        Assert.Equal(PartyStatus.Party, timeline.On(D("2002-01-01")).Parties.Single(p => p.Name == "Slovakia").Status);
        Assert.Equal(PartyStatus.Succeeded, timeline.On(D("2002-01-01")).Parties.Single(p => p.Name == "Czechoslovakia").Status);
    }

    [Fact]
    public void other_successors_of_a_continued_state_join_beside_the_state_that_continues_it()
    {
        var start = Treaty().With(
            Signed("1991-07-31", "United States", "USSR"), Continued("1991-12-24", "Russia", "USSR"),
            SucceededBy("1992-05-23", "Ukraine", "USSR"), SucceededBy("1992-05-23", "Belarus", "USSR"), InForce("1994-12-05"));

        var timeline = start.Fold();

        Assert.Empty(timeline.Issues);
        var in1993 = timeline.On(D("1993-01-01")).Parties;
        var ukraine = in1993.Single(p => p.Name == "Ukraine");
        Assert.Equal((PartyStatus.Signatory, "USSR", D("1992-05-23")), (ukraine.Status, ukraine.SuccessorOf, ukraine.Since));
        var russia = in1993.Single(p => p.Name == "Russia");
        Assert.Equal((PartyStatus.Signatory, null), (russia.Status, russia.SucceededBy));
        Assert.Equal(4, in1993.Count);
        Assert.All(timeline.On(D("1995-01-01")).Parties, p => Assert.Equal(PartyStatus.Party, p.Status));
        // Before the succession Ukraine is not in the treaty: the USSR is, under the name it had.
        Assert.Equal(["United States", "USSR"], timeline.On(D("1991-08-01")).Parties.Select(p => p.Name));
    }

    [Fact]
    public void a_successor_already_in_the_treaty_in_its_own_right_does_not_fit_the_record()
    {
        var timeline = Treaty().With(Signed("1987-12-08", "United States", "USSR", "Russia"), Continued("1991-12-26", "Russia", "USSR")).Fold();

        Assert.Contains(timeline.Issues, i => i.Message.Contains("already in the treaty in its own right"));
    }

    private static readonly Treaty Dissolved = Treaty().With(
        Signed("1990-01-01", "A", "B"), InForce("1991-01-01"), SucceededBy("1993-01-01", "C", "A"));

    [Theory]
    [MemberData(nameof(FactsNamingTheSucceededState))]
    public void a_state_that_has_been_succeeded_cannot_act_after_the_succession(TreatyEvent fact)
    {
        var issue = Assert.Single(Dissolved.With(fact).Fold().Issues);

        Assert.Contains("'A' had been succeeded by C", issue.Message);
    }

    public static TheoryData<TreatyEvent> FactsNamingTheSucceededState() =>
    [
        Notice("1994-01-01", "A", "1994-07-01"), Suspended("1994-01-01", "A"), Alleged("1994-01-01", "B", "A"),
        Acceded("1994-01-01", "A"), new WithdrawalAnnounced("A") { On = D("1994-01-01") }
    ];

    [Fact]
    public void facts_about_the_predecessor_before_the_succession_still_count()
    {
        var timeline = Dissolved.With(Alleged("1992-01-01", "B", "A")).Fold();

        Assert.Empty(timeline.Issues);
        Assert.Single(timeline.Allegations);
    }

    [Fact]
    public void a_notice_running_at_the_succession_is_the_successor_s()
    {
        var timeline = Treaty().With(
            Signed("1990-01-01", "A", "B"), InForce("1991-01-01"), Notice("1993-01-01", "A", "1993-07-01"), SucceededBy("1993-03-01", "C", "A")).Fold();

        Assert.Empty(timeline.Issues);
        var inApril = timeline.On(D("1993-04-01")).Parties;
        Assert.Equal((PartyStatus.Withdrawing, D("1993-07-01")), inApril.Single(p => p.Name == "C") is var c ? (c.Status, c.EffectiveOn) : default);
        Assert.Equal((PartyStatus.Succeeded, null), inApril.Single(p => p.Name == "A") is var a ? (a.Status, a.EffectiveOn) : default);
        Assert.Equal("C", Assert.Single(timeline.Deadlines).Party);
        Assert.Equal(PartyStatus.Withdrawn, timeline.On(D("1993-07-01")).Parties.Single(p => p.Name == "C").Status);
        Assert.Equal(TreatyStatus.Terminated, timeline.On(D("1993-07-01")).Status);
    }

    [Theory]
    [InlineData(SuccessionKind.Continuation)]
    [InlineData(SuccessionKind.Succession)]
    public void a_state_cannot_succeed_itself_or_return_to_a_name_it_had(SuccessionKind kind)
    {
        var renamed = Treaty().With(Signed("1990-01-01", "A", "B"), Continued("1991-01-01", "Z", "A"));

        var issue = Assert.Single(renamed.With(new Succeeded("A", "Z", kind) { On = D("1992-01-01") }).Fold().Issues);
        Assert.Contains("a name the predecessor already had", issue.Message);
    }

    [Fact]
    public void a_continuing_state_cannot_accuse_itself_under_its_other_name()
    {
        var issue = Assert.Single(Inf.With(Alleged("2019-02-02", "USSR", "Russia")).Fold().Issues);

        Assert.Contains("names of the same state", issue.Message);
    }
}
