using TreatyTracker.Features.States;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>
/// One rule for what is due on a day: a deadline is pending on day D only if the fact that made it due happened on or
/// before D (and it had not yet fallen due or been overtaken). The treaty's status and a state's view both follow it.
/// </summary>
public class what_is_due_on_a_day
{
    private static readonly Treaty Cfe = Treaty(TreatyKind.Multilateral, "P150D").With(
        Signed("1990-11-19", "Belarus", "Russia", "Germany"), InForce("1992-11-09"),
        Notice("2023-05-29", "Russia", "2023-11-07"));

    [Fact]
    public void a_withdrawal_is_not_due_before_its_notice_was_given()
    {
        var timeline = Cfe.Fold();

        Assert.Empty(timeline.On(D("2010-06-01")).PendingDeadlines);
        Assert.Equal([D("2023-11-07")], timeline.On(D("2023-05-29")).PendingDeadlines.Select(d => d.On));
        Assert.Empty(timeline.On(D("2023-11-07")).PendingDeadlines);
    }

    [Fact]
    public void another_state_s_row_shows_no_deadline_before_the_notice_either()
    {
        var belarus = StateInTreatyRow.Of(Cfe).Single(r => r.Party == "Belarus");

        Assert.Null(belarus.On(D("2010-06-01")).NextDeadline);
        Assert.Equal(("Russia", D("2023-11-07")), (belarus.On(D("2023-06-01")).NextDeadline!.Party, belarus.On(D("2023-06-01")).NextDeadline!.On));
    }

    [Fact]
    public void an_expiry_is_the_one_the_term_set_by_then_not_a_later_extension()
    {
        var newStart = Treaty(TreatyKind.Bilateral, "P3M", term: "P10Y").With(
            Signed("2010-04-08", "United States", "Russia"), InForce("2011-02-05"), Extended("2021-02-03", "2026-02-05"));
        var russia = StateInTreatyRow.Of(newStart).Single(r => r.Party == "Russia");

        Assert.Empty(newStart.Fold().On(D("2011-02-04")).PendingDeadlines);
        Assert.Equal(D("2021-02-05"), Assert.Single(newStart.Fold().On(D("2015-01-01")).PendingDeadlines).On);
        Assert.Equal(D("2021-02-05"), russia.On(D("2015-01-01")).NextDeadline!.On);
        Assert.Equal(D("2026-02-05"), russia.On(D("2021-02-03")).NextDeadline!.On);
        Assert.Null(russia.On(D("2026-02-05")).NextDeadline);
    }

    [Fact]
    public void a_notice_overtaken_by_the_treaty_s_end_is_pending_only_until_the_end()
    {
        var ended = Treaty(TreatyKind.Multilateral).With(
            Signed("1990-01-01", "A", "B", "C"), InForce("1991-01-01"), Notice("2000-01-01", "A", "2000-07-01"), Terminated("2000-03-01"));

        Assert.Single(ended.Fold().On(D("2000-02-01")).PendingDeadlines);
        Assert.Empty(ended.Fold().On(D("2000-03-01")).PendingDeadlines);
        Assert.Empty(StateInTreatyRow.Of(ended).Single(r => r.Party == "B").PendingOn(D("2000-04-01")));
    }

    [Fact]
    public void across_generated_histories_a_state_s_rows_and_the_treaty_s_status_agree_on_every_deadline_of_every_day()
    {
        var checkedDays = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed);
            var history = GeneratedHistory.Generate(random, $"gen-{seed}");
            var treaty = TreatyTracker.Treaties.Treaty.Register(history.Registered, DateTimeOffset.UnixEpoch);
            foreach (var (id, fact) in history.Facts) treaty = treaty.Record(fact, id, DateTimeOffset.UnixEpoch.AddDays(treaty.Version));
            var timeline = treaty.Timeline;
            var days = treaty.Facts.SelectMany(f => new[] { f.Event.On.AddDays(-1), f.Event.On, f.Event.On.AddDays(1) })
                .Concat(timeline.Deadlines.SelectMany(d => new[] { d.On.AddDays(-1), d.On }))
                .Concat(Enumerable.Range(0, 20).Select(_ => new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 80))))
                .Distinct().ToList();
            var rows = StateInTreatyRow.Of(treaty).ToList();

            foreach (var day in days)
            {
                var status = timeline.On(day).PendingDeadlines;
                foreach (var deadline in status)
                    Assert.True(treaty.FindFact(deadline.CausedBy)!.Event.On <= day,
                        $"seed {seed}, {day:yyyy-MM-dd}: {deadline} is shown before the fact that made it due");
                foreach (var row in rows)
                {
                    Assert.Equal(status, row.PendingOn(day));
                    Assert.Equal(status.FirstOrDefault(), row.On(day).NextDeadline);
                }
                checkedDays++;
            }
        }
        Assert.True(checkedDays > 10_000, $"only {checkedDays} days were checked");
    }
}
