using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Decisions;

public class deciding_what_falls_due
{
    private static Treaty WithNotice(TreatyKind kind = TreatyKind.Bilateral) => Treaty(kind).With(
        Signed("1987-12-08", "United States", "Russia", "Canada"), History.InForce("1988-06-01"), Notice("2019-02-02", "United States", "2019-08-02"));

    [Fact]
    public void on_its_day_a_withdrawal_is_recorded_and_a_bilateral_treaty_terminated()
    {
        var facts = DeadlineRules.Due(WithNotice(), At("2019-08-02")).Events();

        Assert.Collection(facts,
            took => Assert.Equal(("United States", D("2019-08-02")), (Assert.IsType<WithdrawalTookEffect>(took).Party, took.On)),
            ended => Assert.Equal(D("2019-08-02"), Assert.IsType<Terminated>(ended).On));
    }

    [Fact]
    public void in_a_multilateral_treaty_only_the_withdrawal_is_recorded() =>
        Assert.IsType<WithdrawalTookEffect>(Assert.Single(DeadlineRules.Due(WithNotice(TreatyKind.Multilateral), At("2019-08-10")).Events()));

    [Fact]
    public void nothing_falls_due_before_its_day() =>
        Assert.False(DeadlineRules.Due(WithNotice(), At("2019-08-01")).Records);

    [Fact]
    public void a_transition_already_recorded_is_not_recorded_twice() =>
        Assert.False(DeadlineRules.Due(WithNotice().With(TookEffect("2019-08-02", "United States")), At("2019-08-02")).Records);

    [Fact]
    public void a_retracted_notice_leaves_nothing_due()
    {
        var treaty = WithNotice();
        var retracted = treaty.With(new EventRetracted(treaty.Facts[^1].Id, "no notice was given") { On = D("2019-03-01") });

        Assert.False(DeadlineRules.Due(retracted, At("2019-08-02")).Records);
    }

    [Fact]
    public void an_extension_moves_the_expiry_nothing_is_due_on_the_old_day_and_the_treaty_expires_on_the_new_one()
    {
        var treaty = Treaty(TreatyKind.Bilateral, "P3M", "P10Y").With(
            Signed("2010-04-08", "United States", "Russia"), History.InForce("2011-02-05"), Extended("2021-02-03", "2026-02-05"));

        Assert.False(DeadlineRules.Due(treaty, At("2021-02-05")).Records);
        var expired = Assert.IsType<Expired>(Assert.Single(DeadlineRules.Due(treaty, At("2026-02-05")).Events()));
        Assert.Equal(D("2026-02-05"), expired.On);
    }

    [Fact]
    public void a_fact_recorded_after_its_deadline_records_what_fell_due_with_it()
    {
        var inForce = Treaty().With(Signed("1987-12-08", "United States", "Russia"), History.InForce("1988-06-01"));

        var decision = RecordEvent.Decide(inForce, new RecordEventRequest { Type = "withdrawal-notice-given", On = D("2019-02-02"), Party = "United States" }, At("2026-12-01"));

        Assert.Equal([typeof(WithdrawalNoticeGiven), typeof(WithdrawalTookEffect), typeof(Terminated)], decision.Events().Select(e => e.GetType()));
        Assert.Equal([D("2019-02-02"), D("2019-08-02"), D("2019-08-02")], decision.Events().Select(e => e.On));
        Assert.Empty(DeadlineRules.ToCome(decision, At("2026-12-01")));
    }

    [Fact]
    public void a_deadline_still_to_come_is_left_to_its_day_and_needs_one_reminder()
    {
        var inForce = Treaty().With(Signed("1987-12-08", "United States", "Russia"), History.InForce("1988-06-01"));

        var notice = RecordEvent.Decide(inForce, new RecordEventRequest { Type = "withdrawal-notice-given", On = D("2019-02-02"), Party = "United States" }, At("2019-02-02"));

        Assert.IsType<WithdrawalNoticeGiven>(Assert.Single(notice.Events()));
        var deadline = Assert.Single(DeadlineRules.ToCome(notice, At("2019-02-02")));
        Assert.Equal((D("2019-08-02"), DeadlineKind.WithdrawalTakesEffect, "United States"), (deadline.On, deadline.Kind, deadline.Party));
        var statement = RecordEvent.Decide(notice.After!, new RecordEventRequest { Type = "statement", On = D("2019-03-01") }, At("2019-03-01"));
        Assert.Empty(DeadlineRules.ToCome(statement, At("2019-03-01")));
    }
}
