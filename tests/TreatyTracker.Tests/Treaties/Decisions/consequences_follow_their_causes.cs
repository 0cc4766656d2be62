using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Decisions;

/// <summary>
/// What the server records when a deadline falls due follows its cause: when the cause is retracted or corrected, or a
/// later fact moves what was due, the consequence is retracted with the same decision, and what is due instead recorded.
/// </summary>
public class consequences_follow_their_causes
{
    private static readonly DateTimeOffset Now = At("2026-12-01");

    private static Treaty Bilateral() => Treaty().With(Signed("2000-01-01", "A", "B"), History.InForce("2000-06-01"));

    private static Decision Record(Treaty treaty, RecordEventRequest request, DateTimeOffset now)
    {
        var decision = RecordEvent.Decide(treaty, request, now);
        Assert.Null(decision.Refusal);
        return decision;
    }

    private static RecordEventRequest NoticeOn(string day) => new() { Type = "withdrawal-notice-given", On = D(day), Party = "A" };

    /// <summary>The notice of 2020-01-01, recorded on 2020-07-15, when its effect on 2020-07-01 was already due.</summary>
    private static Treaty WithNoticeAndItsConsequences(out Guid notice)
    {
        var decision = Record(Bilateral(), NoticeOn("2020-01-01"), At("2020-07-15"));
        notice = decision.Recorded[0].Id;
        return decision.After!;
    }

    private static IReadOnlyList<RecordedFact> StandingConsequences(Treaty treaty) => treaty.StandingFacts.Where(f => f.IsConsequence).ToList();

    [Fact]
    public void a_notice_recorded_after_it_ran_out_records_its_consequences_each_saying_what_it_follows_from()
    {
        var treaty = WithNoticeAndItsConsequences(out var notice);

        var consequences = StandingConsequences(treaty);
        Assert.Equal([typeof(WithdrawalTookEffect), typeof(Terminated)], consequences.Select(f => f.Event.GetType()));
        Assert.All(consequences, f => Assert.Equal((D("2020-07-01"), (Guid?)notice), (f.Event.On, ((IConsequence)f.Event).FollowsFrom)));
    }

    [Fact]
    public void retracting_the_notice_retracts_its_consequences_and_the_treaty_is_in_force_again()
    {
        var treaty = WithNoticeAndItsConsequences(out var notice);

        var decision = RetractEvent.Decide(treaty, notice, new RetractionRequest("entered by mistake", null, null, null), Now);

        Assert.Null(decision.Refusal);
        Assert.Equal(3, decision.Recorded.Count(f => f.Event is EventRetracted));
        Assert.Empty(StandingConsequences(decision.After!));
        Assert.Equal(TreatyStatus.InForce, decision.After!.Timeline.On(D("2026-12-01")).Status);
    }

    [Fact]
    public void a_notice_corrected_to_a_later_day_is_accepted_and_its_effect_moves_with_it()
    {
        var treaty = WithNoticeAndItsConsequences(out var notice);

        var decision = CorrectEvent.Decide(treaty, notice, new CorrectionRequest("the notice was given a year later", null, null, null, NoticeOn("2021-01-01")), Now);

        Assert.Null(decision.Refusal);
        var consequences = StandingConsequences(decision.After!);
        Assert.All(consequences, f => Assert.Equal(D("2021-07-01"), f.Event.On));
        Assert.Equal(2, consequences.Count);
        Assert.Equal(TreatyStatus.InForce, decision.After!.Timeline.On(D("2021-06-30")).Status);
        Assert.Equal(TreatyStatus.Terminated, decision.After!.Timeline.On(D("2021-07-01")).Status);
    }

    [Fact]
    public void a_late_extension_is_not_ignored_the_expiry_recorded_before_it_gives_way()
    {
        var newStart = Treaty(TreatyKind.Bilateral, "P3M", "P10Y").With(Signed("2010-04-08", "A", "B"), History.InForce("2011-02-05"));
        var expired = DeadlineRules.Due(newStart, At("2021-02-06")).After!;
        Assert.Equal(TreatyStatus.Expired, expired.Timeline.On(D("2022-01-01")).Status);

        var decision = Record(expired, new RecordEventRequest { Type = "term-extended", On = D("2021-02-03"), ExpiresOn = D("2026-02-05") }, Now);

        Assert.Equal(TreatyStatus.InForce, decision.After!.Timeline.On(D("2022-01-01")).Status);
        var consequence = Assert.Single(StandingConsequences(decision.After!));
        Assert.Equal(D("2026-02-05"), consequence.Event.On);
        Assert.Equal(decision.Recorded[0].Id, ((IConsequence)consequence.Event).FollowsFrom);
    }

    [Fact]
    public void a_backdated_termination_cancels_the_effect_of_a_notice_that_would_have_run_out_after_it()
    {
        var treaty = WithNoticeAndItsConsequences(out _);

        var decision = Record(treaty, new RecordEventRequest { Type = "terminated", On = D("2020-03-01") }, Now);

        Assert.Empty(StandingConsequences(decision.After!));
        Assert.Equal(D("2020-03-01"), decision.After!.Timeline.On(D("2026-12-01")).Since);
    }

    [Fact]
    public void consequences_recorded_by_an_earlier_release_without_their_cause_are_recognised_by_who_recorded_them()
    {
        var treaty = Bilateral().With(Notice("2020-01-01", "A", "2020-07-01"));
        var notice = treaty.Facts[^1].Id;
        var legacy = treaty.Record(TookEffect("2020-07-01", "A"), Guid.NewGuid(), At("2020-07-01"), RecordedFact.ConsequenceRecorder)
            .Record(Terminated("2020-07-01"), Guid.NewGuid(), At("2020-07-01"), RecordedFact.ConsequenceRecorder);

        var decision = RetractEvent.Decide(legacy, notice, new RetractionRequest("entered by mistake", null, null, null), Now);

        Assert.Empty(StandingConsequences(decision.After!));
        Assert.Equal(TreatyStatus.InForce, decision.After!.Timeline.On(D("2026-12-01")).Status);
    }

    [Fact]
    public void the_same_events_recorded_from_a_source_are_facts_and_stay()
    {
        var treaty = Bilateral().With(Notice("2020-01-01", "A", "2020-07-01"), TookEffect("2020-07-01", "A"), Terminated("2020-07-01"));
        var notice = treaty.Facts[^3].Id;

        var decision = RetractEvent.Decide(treaty, notice, new RetractionRequest("entered by mistake", null, null, null), Now);

        Assert.Null(decision.Refusal);
        Assert.Equal(TreatyStatus.Terminated, decision.After!.Timeline.On(D("2026-12-01")).Status);
    }
}
