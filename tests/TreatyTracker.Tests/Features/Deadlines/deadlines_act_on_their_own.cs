using System.Net;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties.Rules;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Tracking;
using Xunit;

namespace TreatyTracker.Tests.Features.Deadlines;

/// <summary>Hosts of their own, with a clock the test moves; each test has its own database.</summary>
public class deadlines_act_on_their_own(PostgresServer postgres)
{
    private static readonly DateTimeOffset RealNow = DateTimeOffset.UtcNow;
    private static DateOnly Today => DateOnly.FromDateTime(RealNow.UtcDateTime);

    private static async Task<IReadOnlyList<string>> EventTypesAsync(TreatyApi api) =>
        (await api.GetAsync("/api/treaties/inf/events")).Body!.AsArray().Select(e => $"{e!["type"]} {e["on"]}").ToList();

    /// <summary>What the reminder does on its day, run now.</summary>
    private static async Task FireReminderAsync(IAlbaHost host, DateOnly effective)
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(
            new DeadlineReminder("inf", effective, DeadlineKind.WithdrawalTakesEffect, "United States"), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task a_notice_schedules_a_durable_reminder_which_records_the_withdrawal_on_its_day_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync("deadline");
        var clock = new TestClock(RealNow);
        await using var host = await AppFixture.StartAsync(connectionString, seedOnStart: false, clock: clock);
        var api = await AppFixture.EditorApiAsync(host);
        await api.BilateralTreatyInForce("inf");
        var effective = Today.AddMonths(6);

        var tracked = await host.ExecuteAndWaitAsync(() =>
            api.Recorded("inf", $$"""{"type":"withdrawal-notice-given","on":"{{Today:yyyy-MM-dd}}","party":"United States"}"""));

        var scheduled = tracked.Scheduled.SingleEnvelope<DeadlineReminder>();
        Assert.Equal(new DateTimeOffset(effective.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), scheduled.ScheduledTime);
        var stored = await host.Services.GetRequiredService<IMessageStore>().Admin.AllIncomingAsync();
        Assert.Single(stored, e => e.MessageType == DeadlineReminder.MessageType && e.Status == EnvelopeStatus.Scheduled);

        var catchUp = host.Services.GetRequiredService<DeadlineCatchUp>();
        Assert.Equal(0, await catchUp.CatchUpAsync(TestContext.Current.CancellationToken));
        clock.Now = new DateTimeOffset(effective.ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero);
        await catchUp.CatchUpAsync(TestContext.Current.CancellationToken);
        await catchUp.CatchUpAsync(TestContext.Current.CancellationToken);
        await FireReminderAsync(host, effective);

        var types = await EventTypesAsync(api);
        Assert.Equal(1, types.Count(t => t == $"withdrawal-took-effect {effective:yyyy-MM-dd}"));
        Assert.Equal(1, types.Count(t => t == $"terminated {effective:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task a_notice_that_has_already_run_out_records_its_effect_with_it_and_schedules_no_reminder()
    {
        var connectionString = await postgres.CreateDatabaseAsync("deadline");
        await using var host = await AppFixture.StartAsync(connectionString, seedOnStart: false, clock: new TestClock(RealNow));
        var api = await AppFixture.EditorApiAsync(host);
        await api.BilateralTreatyInForce("inf");

        var tracked = await host.ExecuteAndWaitAsync(() =>
            api.Recorded("inf", """{"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States"}"""));

        Assert.Empty(tracked.Scheduled.MessagesOf<DeadlineReminder>());
        Assert.Equal(["withdrawal-notice-given 2019-02-02", "withdrawal-took-effect 2019-08-02", "terminated 2019-08-02"], (await EventTypesAsync(api)).Skip(2));
    }

    [Fact]
    public async Task a_deadline_that_fell_due_while_the_server_was_down_is_caught_up_at_start()
    {
        var connectionString = await postgres.CreateDatabaseAsync("deadline");
        var effective = Today.AddMonths(6);
        await using (var first = await AppFixture.StartAsync(connectionString, seedOnStart: false, clock: new TestClock(RealNow)))
        {
            var api = await AppFixture.EditorApiAsync(first);
            await api.BilateralTreatyInForce("inf");
            await api.Recorded("inf", $$"""{"type":"withdrawal-notice-given","on":"{{Today:yyyy-MM-dd}}","party":"United States"}""");
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        var later = new TestClock(new DateTimeOffset(effective.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var second = await AppFixture.StartAsync(connectionString, seedOnStart: false, clock: later);

        var treaty = await new TreatyApi(second.Server.CreateClient()).GetAsync("/api/treaties/inf");
        Assert.Equal(("terminated", $"{effective:yyyy-MM-dd}"), (treaty.Text("status"), treaty.Text("since")));
        var types = await EventTypesAsync(new TreatyApi(second.Server.CreateClient()));
        Assert.Contains($"withdrawal-took-effect {effective:yyyy-MM-dd}", types);
    }

    [Fact]
    public async Task a_retracted_notice_never_takes_effect()
    {
        var connectionString = await postgres.CreateDatabaseAsync("deadline");
        var clock = new TestClock(RealNow);
        await using var host = await AppFixture.StartAsync(connectionString, seedOnStart: false, clock: clock);
        var api = await AppFixture.EditorApiAsync(host);
        await api.BilateralTreatyInForce("inf");
        var notice = await api.Recorded("inf", $$"""{"type":"withdrawal-notice-given","on":"{{Today:yyyy-MM-dd}}","party":"United States"}""");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/treaties/inf/events/{notice.Text("eventId")}/retraction", """{"reason":"recorded in error"}""")).Status);
        var effective = Today.AddMonths(6);

        clock.Now = new DateTimeOffset(effective.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await host.Services.GetRequiredService<DeadlineCatchUp>().CatchUpAsync(TestContext.Current.CancellationToken);
        await FireReminderAsync(host, effective);

        Assert.Equal("in-force", (await api.GetAsync("/api/treaties/inf")).Text("status"));
        Assert.DoesNotContain(await EventTypesAsync(api), t => t.StartsWith("withdrawal-took-effect"));
    }
}
