using TreatyTracker.Tests.Status;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.ActingOnDeadlines;
using TreatyTracker.Treaties.Status;
using Xunit;
using static TreatyTracker.Tests.Status.History;

namespace TreatyTracker.Tests.Deadlines;

public class deciding_a_due_transition
{
    private static readonly RecordDueTransition UsWithdrawal = new("t", D("2019-08-02"), DeadlineKind.WithdrawalTakesEffect, "United States");

    private static Treaty WithNotice(TreatyKind kind = TreatyKind.Bilateral) => Treaty(kind).With(
        Signed("1987-12-08", "United States", "Russia", "Canada"), History.InForce("1988-06-01"), Notice("2019-02-02", "United States", "2019-08-02"));

    [Fact]
    public void on_its_day_a_withdrawal_is_recorded_and_a_bilateral_treaty_terminated()
    {
        var facts = TransitionsDue.Decide(WithNotice(), UsWithdrawal, D("2019-08-02"));

        Assert.Collection(facts,
            took => Assert.Equal(("United States", D("2019-08-02")), (Assert.IsType<WithdrawalTookEffect>(took).Party, took.On)),
            ended => Assert.Equal(D("2019-08-02"), Assert.IsType<Terminated>(ended).On));
    }

    [Fact]
    public void in_a_multilateral_treaty_only_the_withdrawal_is_recorded()
    {
        var facts = TransitionsDue.Decide(WithNotice(TreatyKind.Multilateral), UsWithdrawal, D("2019-08-10"));

        Assert.IsType<WithdrawalTookEffect>(Assert.Single(facts));
    }

    [Fact]
    public void a_reminder_that_fires_early_records_nothing() =>
        Assert.Empty(TransitionsDue.Decide(WithNotice(), UsWithdrawal, D("2019-08-01")));

    [Fact]
    public void a_transition_already_recorded_is_not_recorded_twice() =>
        Assert.Empty(TransitionsDue.Decide(WithNotice().With(TookEffect("2019-08-02", "United States")), UsWithdrawal, D("2019-08-02")));

    [Fact]
    public void a_reminder_of_a_retracted_notice_records_nothing()
    {
        var treaty = WithNotice();
        var retracted = treaty.With(new EventRetracted(treaty.Facts[^1].Id, "no notice was given") { On = D("2019-03-01") });

        Assert.Empty(TransitionsDue.Decide(retracted, UsWithdrawal, D("2019-08-02")));
    }

    [Fact]
    public void an_extension_moves_the_expiry_the_old_reminder_records_nothing_and_the_new_one_expires_the_treaty()
    {
        var treaty = Treaty(TreatyKind.Bilateral, "P3M", "P10Y").With(
            Signed("2010-04-08", "United States", "Russia"), History.InForce("2011-02-05"), Extended("2021-02-03", "2026-02-05"));

        Assert.Empty(TransitionsDue.Decide(treaty, new("t", D("2021-02-05"), DeadlineKind.Expiry, null), D("2021-02-05")));
        Assert.IsType<Expired>(Assert.Single(TransitionsDue.Decide(treaty, new("t", D("2026-02-05"), DeadlineKind.Expiry, null), D("2026-02-05"))));
    }

    [Fact]
    public void recording_a_notice_schedules_one_reminder_for_its_effective_day()
    {
        var before = Treaty().With(Signed("1987-12-08", "United States", "Russia"), History.InForce("1988-06-01"));
        var after = before.With(Notice("2019-02-02", "United States", "2019-08-02"));

        var reminder = Assert.Single(TransitionsDue.NewReminders(before, after));

        Assert.Equal(UsWithdrawal with { TreatyId = before.Id }, reminder);
        Assert.Equal(new DateTimeOffset(2019, 8, 2, 0, 0, 0, TimeSpan.Zero), reminder.DueAt);
        Assert.Empty(TransitionsDue.NewReminders(after, after.With(new Statement { On = D("2019-03-01") })));
    }
}
