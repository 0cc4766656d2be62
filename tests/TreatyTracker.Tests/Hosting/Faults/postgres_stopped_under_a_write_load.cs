using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Faults;

/// <summary>
/// PostgreSQL stopped (fast shutdown) and started again while several clients write. The test runs a cluster of
/// its own, since it stops it, and the server as a separate process, which is never restarted.
/// </summary>
public class postgres_stopped_under_a_write_load(PostgresServer postgres)
{
    private static readonly string[] TreatyIds = ["alpha", "bravo", "charlie"];
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromSeconds(60);
    private const int Clients = 6;
    private const int WritesPerPhase = 30;

    [Fact]
    public async Task every_write_is_201_409_or_a_503_problem_the_server_recovers_on_its_own_and_exactly_the_acknowledged_events_are_kept()
    {
        await using var cluster = await ThrowawayCluster.StartAsync(durable: true);
        await using var server = new EmptyRunningServer(postgres) { ConnectionString = await cluster.CreateDatabaseAsync("treatytracker") };
        await server.InitializeAsync();
        using var writer = new Writer(server.Address, await server.EditorKeyAsync());
        foreach (var id in TreatyIds) await RegisterSignedTreatyAsync(writer, id);

        await RegisterSignedTreatyAsync(writer, "untouched"); // by the load: nothing makes the server forget its answer
        const string question = "/api/treaties/untouched/status?asOf=2001-01-01";
        // Asked without a key, so that nothing but the answer itself needs the database.
        async Task<HttpStatusCode> AskAsync() => (await server.Client.GetAsync(question, TestContext.Current.CancellationToken)).StatusCode;
        var load = new WriteLoad(writer, TreatyIds);
        load.Start(Clients);
        await load.UntilAsync("acknowledged writes before the outage", AcknowledgedIn(Outage.Before), PhaseLimit);
        // Asked after the notices of its own commits have long been heard: now kept in memory.
        Assert.Equal(HttpStatusCode.OK, await AskAsync());
        Assert.Equal(HttpStatusCode.OK, await AskAsync());

        load.Outage = Outage.Stopping;
        await cluster.Server.StopAsync();
        load.Outage = Outage.Down;
        await load.UntilAsync("answers while PostgreSQL is down",
            answers => answers.Count(a => a is { StartedIn: Outage.Down, AnsweredIn: Outage.Down }) >= WritesPerPhase, PhaseLimit);
        var healthWhileDown = await writer.HealthAsync();
        // Not hearing the database, the server cannot know that a kept answer still holds.
        var keptAnswerWhileDown = await AskAsync();

        load.Outage = Outage.Restarting;
        await cluster.Server.StartAgainAsync(TestContext.Current.CancellationToken);
        load.Outage = Outage.After;
        await load.UntilAsync("acknowledged writes after PostgreSQL is back", AcknowledgedIn(Outage.After), PhaseLimit);
        var healthAfter = await writer.HealthAsync();
        var answers = await load.StopAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', answers
            .GroupBy(a => (a.StartedIn, a.AnsweredIn, (int)a.Answer.Status))
            .Select(g => $"started {g.Key.StartedIn}, answered {g.Key.AnsweredIn}: {g.Count()} × {g.Key.Item3}, " +
                         $"slowest {g.Max(a => a.Took).TotalMilliseconds:F0} ms")));

        Assert.Empty(load.Failures);
        Assert.All(answers, a => Assert.True(
            a.Answer.Status is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable,
            $"{a.Marker} answered {(int)a.Answer.Status}: {a.Answer.Body?.ToJsonString()}\nserver output:\n{server.Output}"));
        Assert.All(answers.Where(a => a is { StartedIn: Outage.Down, AnsweredIn: Outage.Down }),
            a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Answer.Status));
        Assert.All(answers.Where(a => a.Answer.Status == HttpStatusCode.ServiceUnavailable), a =>
        {
            Assert.Equal("application/problem+json", a.Answer.ContentType);
            Assert.Equal(503, a.Answer.Body.At("status")!.GetValue<int>());
            Assert.True(a.Answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{a.Marker}: 503 without Retry-After");
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthWhileDown);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, keptAnswerWhileDown);
        Assert.Equal(HttpStatusCode.OK, await AskAsync());
        Assert.Equal(HttpStatusCode.OK, healthAfter);

        var acknowledged = answers.Where(a => a.Answer.Status == HttpStatusCode.Created).Select(a => a.Marker).Order(StringComparer.Ordinal);
        Assert.Equal(acknowledged, await StoredLoadMarkersAsync(writer));
    }

    private static Func<IReadOnlyCollection<LoadWrite>, bool> AcknowledgedIn(Outage outage) =>
        answers => answers.Count(a => a.StartedIn == outage && a.Answer.Status == HttpStatusCode.Created) >= WritesPerPhase;

    private static async Task RegisterSignedTreatyAsync(Writer writer, string id)
    {
        var registered = await writer.PostAsync("/api/treaties",
            $$"""{"id":"{{id}}","name":"Treaty {{id}}","shortName":"{{id}}","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        var signed = await writer.PostAsync($"/api/treaties/{id}/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
        Assert.Equal(HttpStatusCode.Created, signed.Status);
    }

    /// <summary>The summaries of the load's events in the record, duplicates kept.</summary>
    private static async Task<IReadOnlyList<string>> StoredLoadMarkersAsync(Writer writer)
    {
        var markers = new List<string>();
        foreach (var id in TreatyIds)
        {
            var events = await writer.GetAsync($"/api/treaties/{id}/events");
            Assert.Equal(HttpStatusCode.OK, events.Status);
            markers.AddRange(events.Body!.AsArray()
                .Select(e => e!["summary"]?.GetValue<string>())
                .OfType<string>()
                .Where(summary => summary.StartsWith("load ", StringComparison.Ordinal)));
        }
        return markers.Order(StringComparer.Ordinal).ToList();
    }
}
