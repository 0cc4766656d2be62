using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Features.Webhooks;
using TreatyTracker.Tests.Infrastructure;
using Wolverine;
using Wolverine.Tracking;
using Xunit;

namespace TreatyTracker.Tests.Features.Webhooks;

/// <summary>The real app, its own database, and a real receiver on 127.0.0.1.</summary>
public class webhooks_deliver_commits(PostgresServer postgres)
{
    private static readonly DateTimeOffset RealNow = DateTimeOffset.UtcNow;
    private static DateOnly Today => DateOnly.FromDateTime(RealNow.UtcDateTime);

    private static async Task<JsonArray> DeliveriesAsync(TreatyApi admin, string id) =>
        (await admin.GetAsync($"/api/webhooks/{id}/deliveries")).Body!.AsArray();

    [Fact]
    public async Task an_event_recorded_through_the_api_arrives_signed_and_events_the_filter_does_not_want_do_not()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookHosts.StartAsync(await postgres.CreateDatabaseAsync("webhooks"));
        var api = await AppFixture.EditorApiAsync(host);
        var admin = await WebhookHosts.AdminAsync(host);
        await api.BilateralTreatyInForce("inf");
        await api.BilateralTreatyInForce("other");
        var (id, secret) = await admin.SubscribeAsync($$"""{"callbackUrl":"{{receiver.Url()}}","treaty":"inf","state":"Russia","eventTypes":["statement"]}""");

        // Each misses the filter by one thing: the treaty, the state, the type.
        foreach (var (treaty, json) in new[]
                 {
                     ("other", """{"type":"statement","on":"2019-02-01","by":"Russia"}"""),
                     ("inf", """{"type":"statement","on":"2019-02-01","by":"United States"}"""),
                     ("inf", """{"type":"withdrawal-announced","on":"2019-02-01","party":"Russia"}""")
                 })
            await host.ExecuteAndWaitAsync(() => api.Recorded(treaty, json));
        Assert.Empty(await DeliveriesAsync(admin, id));
        Assert.Empty(receiver.All);

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var recorded = await api.Recorded("inf", """{"type":"statement","on":"2019-02-02","by":"Russia","summary":"Suspends its obligations"}""");

        var received = (await receiver.WaitForAsync(r => r.Count >= 1, "the statement")).Single();
        var timestamp = WebhookHosts.VerifiedTimestamp(received, secret);
        Assert.InRange(timestamp, before - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var body = JsonNode.Parse(received.Text)!;
        Assert.Equal(received.DeliveryId, body["deliveryId"]!.GetValue<string>());
        Assert.Equal((id, "inf"), (body["subscriptionId"]!.GetValue<string>(), body["treatyId"]!.GetValue<string>()));
        var entry = body["events"]!.AsArray().Single()!;
        Assert.Equal((recorded.Text("eventId"), "statement", "Suspends its obligations"),
            (entry["eventId"]!.GetValue<string>(), entry["type"]!.GetValue<string>(), entry["event"]!["summary"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_deadline_the_server_records_on_its_own_is_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new TestClock(RealNow);
        await using var host = await WebhookHosts.StartAsync(await postgres.CreateDatabaseAsync("webhooks"), clock);
        var api = await AppFixture.EditorApiAsync(host);
        await api.BilateralTreatyInForce("inf");
        var (_, secret) = await (await WebhookHosts.AdminAsync(host)).SubscribeAsync(
            $$"""{"callbackUrl":"{{receiver.Url()}}","eventTypes":["withdrawal-took-effect","terminated"]}""");
        await host.ExecuteAndWaitAsync(() => api.Recorded("inf", $$"""{"type":"withdrawal-notice-given","on":"{{Today:yyyy-MM-dd}}","party":"United States"}"""));
        Assert.Empty(receiver.All);

        var effective = Today.AddMonths(6);
        clock.Now = new DateTimeOffset(effective.ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero);
        await host.Services.GetRequiredService<DeadlineCatchUp>().CatchUpAsync(TestContext.Current.CancellationToken);

        var received = (await receiver.WaitForAsync(r => r.Count >= 1, "the withdrawal taking effect")).Single();
        Assert.Equal(clock.Now.ToUnixTimeSeconds(), WebhookHosts.VerifiedTimestamp(received, secret));
        var events = JsonNode.Parse(received.Text)!["events"]!.AsArray();
        Assert.Equal([$"withdrawal-took-effect {effective:yyyy-MM-dd}", $"terminated {effective:yyyy-MM-dd}"],
            events.Select(e => $"{e!["type"]} {e["on"]}"));
        Assert.All(events, e => Assert.Equal("treatytracker (deadline)", e!["recordedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_receiver_that_fails_at_first_gets_the_delivery_after_retries_under_the_same_id_and_the_listing_shows_each_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        await using var host = await WebhookHosts.StartAsync(await postgres.CreateDatabaseAsync("webhooks"));
        var api = await AppFixture.EditorApiAsync(host);
        var admin = await WebhookHosts.AdminAsync(host);
        await api.BilateralTreatyInForce("inf");
        var (id, secret) = await admin.SubscribeAsync($$"""{"callbackUrl":"{{receiver.Url()}}"}""");

        await api.Recorded("inf", """{"type":"statement","on":"2019-02-02","by":"Russia"}""");

        var received = await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200), "the delivery after two failures");
        Assert.Equal([500, 500, 200], received.Select(r => r.AnsweredWith));
        Assert.Single(received.Select(r => r.DeliveryId).Distinct());
        Assert.Single(received.Select(r => r.Text).Distinct());
        Assert.All(received, r => WebhookHosts.VerifiedTimestamp(r, secret));

        var delivery = await WaitForDeliveryAsync(admin, id, "delivered");
        Assert.Equal(received[0].DeliveryId, delivery["id"]!.GetValue<string>());
        Assert.Equal(3, delivery["attemptCount"]!.GetValue<int>());
        Assert.Equal([500, 500, 200], delivery["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal(200, delivery["lastStatusCode"]!.GetValue<int>());
        Assert.NotNull(delivery["deliveredAt"]);
    }

    [Fact]
    public async Task handling_a_commit_or_a_delivered_delivery_again_sends_nothing_more_and_a_repeat_after_a_lost_write_carries_the_same_id_and_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookHosts.StartAsync(await postgres.CreateDatabaseAsync("webhooks"));
        var api = await AppFixture.EditorApiAsync(host);
        var admin = await WebhookHosts.AdminAsync(host);
        await api.BilateralTreatyInForce("inf");
        var (id, secret) = await admin.SubscribeAsync($$"""{"callbackUrl":"{{receiver.Url()}}"}""");
        var recorded = await api.Recorded("inf", """{"type":"statement","on":"2019-02-02","by":"Russia"}""");
        var first = (await receiver.WaitForAsync(r => r.Count >= 1, "the statement")).Single();
        await WaitForDeliveryAsync(admin, id, "delivered"); // its attempt written down, so nothing below races the first handler

        // What at-least-once may do: the commit's message handled a second time, and the delivery's message too.
        using var scope = host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(new CommitRecorded("inf", [Guid.Parse(recorded.Text("eventId"))]), TestContext.Current.CancellationToken);
        var delivery = (await DeliveriesAsync(admin, id)).Single()!;
        Assert.Equal((first.DeliveryId, "delivered", 1),
            (delivery["id"]!.GetValue<string>(), delivery["state"]!.GetValue<string>(), delivery["attemptCount"]!.GetValue<int>()));
        var deliveryId = Guid.Parse(first.DeliveryId!);
        await bus.InvokeAsync(new DeliverWebhook(deliveryId), TestContext.Current.CancellationToken);
        Assert.Single(receiver.All);

        // A real repeat: the server sent, then stopped before writing it down, so the delivery is still pending.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var stored = (await session.LoadAsync<WebhookDelivery>(deliveryId, TestContext.Current.CancellationToken))!;
            session.Update(stored with { State = DeliveryState.Pending, Attempts = [], NextAttemptAt = stored.CreatedAt, DeliveredAt = null });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await bus.InvokeAsync(new DeliverWebhook(deliveryId), TestContext.Current.CancellationToken);

        var received = receiver.All;
        Assert.Equal(2, received.Count);
        Assert.Equal(first.DeliveryId, received[1].DeliveryId);
        Assert.Equal(first.Text, received[1].Text);
        WebhookHosts.VerifiedTimestamp(received[1], secret);
        Assert.Equal("delivered", (await DeliveriesAsync(admin, id)).Single()!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_delivery_pending_when_the_server_stops_arrives_from_the_next_server_on_the_same_database()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Failing = true;
        var database = await postgres.CreateDatabaseAsync("webhooks");
        string id;
        await using (var first = await WebhookHosts.StartAsync(database))
        {
            var api = await AppFixture.EditorApiAsync(first);
            await api.BilateralTreatyInForce("inf");
            (id, _) = await (await WebhookHosts.AdminAsync(first)).SubscribeAsync($$"""{"callbackUrl":"{{receiver.Url()}}"}""");
            await api.Recorded("inf", """{"type":"statement","on":"2019-02-02","by":"Russia"}""");
            await receiver.WaitForAsync(r => r.Count >= 2, "two failed attempts");
            await first.StopAsync(TestContext.Current.CancellationToken);
        }
        var failed = receiver.All;
        receiver.Failing = false;

        await using var second = await WebhookHosts.StartAsync(database);

        var received = await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200), "the delivery after the restart", seconds: 120);
        Assert.All(received, r => Assert.Equal(failed[0].DeliveryId, r.DeliveryId));
        var delivery = await WaitForDeliveryAsync(await WebhookHosts.AdminAsync(second), id, "delivered");
        Assert.True(delivery["attemptCount"]!.GetValue<int>() >= 3);
    }

    [Fact]
    public async Task a_commit_that_loses_a_race_and_rolls_back_is_never_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookHosts.StartAsync(await postgres.CreateDatabaseAsync("webhooks"));
        var api = await AppFixture.EditorApiAsync(host);
        await api.BilateralTreatyInForce("inf");
        var (id, _) = await (await WebhookHosts.AdminAsync(host)).SubscribeAsync($$"""{"callbackUrl":"{{receiver.Url()}}"}""");
        var version = (await api.GetAsync("/api/treaties/inf")).Body!["version"]!.GetValue<long>();

        ApiResponse[] answers = [];
        await host.ExecuteAndWaitAsync(async () => answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            api.RecordAsync("inf", $$"""{"type":"statement","on":"2019-02-0{{i + 1}}","by":"Russia","version":{{version}}}"""))));

        var kept = Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a != kept), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var received = await receiver.WaitForAsync(r => r.Count >= 1, "the one commit kept");
        Assert.Equal(kept.Text("eventId"), JsonNode.Parse(Assert.Single(received).Text)!["events"]![0]!["eventId"]!.GetValue<string>());
        Assert.Single(await DeliveriesAsync(await WebhookHosts.AdminAsync(host), id));
    }

    [Fact]
    public async Task a_webhook_deleted_while_a_send_is_in_flight_keeps_no_delivery_when_the_send_ends()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookHosts.StartAsync(await postgres.CreateDatabaseAsync("webhooks"));
        var api = await AppFixture.EditorApiAsync(host);
        var admin = await WebhookHosts.AdminAsync(host);
        await api.BilateralTreatyInForce("inf");
        var (id, _) = await admin.SubscribeAsync($$"""{"callbackUrl":"{{receiver.Url()}}"}""");

        // Tracked from the commit on, so that the wait ends only once the delivery's handler has finished with the send.
        var tracked = await host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
        {
            await api.Recorded("inf", """{"type":"statement","on":"2019-02-02","by":"Russia"}""");
            await receiver.Held.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/webhooks/{id}"))).Status);
            Assert.Equal(0, await StoredDeliveriesAsync(host));
            receiver.Hold.SetResult();
        }));

        Assert.Single(receiver.All);
        Assert.Equal(0, await StoredDeliveriesAsync(host));
        Assert.Empty(tracked.MovedToErrorQueue.Envelopes()); // dropped, not dead-lettered
    }

    private static async Task<int> StoredDeliveriesAsync(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<WebhookDelivery>().CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The subscription's one delivery once it is in <paramref name="state"/>, waiting up to a deadline.</summary>
    private static async Task<JsonNode> WaitForDeliveryAsync(TreatyApi admin, string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deliveries = await DeliveriesAsync(admin, id);
            if (deliveries.SingleOrDefault() is { } delivery && delivery["state"]!.GetValue<string>() == state) return delivery;
            Assert.True(DateTime.UtcNow < deadline, $"no delivery became {state}: {deliveries.ToJsonString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
