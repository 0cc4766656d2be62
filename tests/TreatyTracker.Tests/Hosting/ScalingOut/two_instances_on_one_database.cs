using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.ScalingOut;

/// <summary>
/// Two server processes started together on one database, as users scale out: in Production, on a schema
/// built from migrations/ (instances that each create the schema at start would race on its DDL).
/// </summary>
public sealed class TwoInstances(PostgresServer postgres) : IAsyncLifetime
{
    public RunningServer First { get; private set; } = null!;
    public RunningServer Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await postgres.CreateDatabaseFromMigrationsAsync("scaleout");
        First = new RunningServer(postgres) { ConnectionString = database, Environment = "Production" };
        Second = new RunningServer(postgres) { ConnectionString = database, Environment = "Production" };
        await Task.WhenAll(First.InitializeAsync().AsTask(), Second.InitializeAsync().AsTask());
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}

public class two_instances_on_one_database(TwoInstances servers) : IClassFixture<TwoInstances>
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body, long Sequence)> PostAsync(RunningServer server, string url, string json)
    {
        using var response = await (await server.EditorClientAsync()).PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var sequence = response.Headers.TryGetValues("Record-Sequence", out var values) ? long.Parse(values.Single()) : 0;
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), sequence);
    }

    /// <summary>An answer that includes every write up to <paramref name="sequence"/>, whichever instance made it.</summary>
    private static async Task<JsonNode> GetAsync(RunningServer server, string url, long sequence = 0)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (sequence > 0) request.Headers.Add("Record-Sequence", sequence.ToString());
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task started_together_they_seed_once()
    {
        var first = (await GetAsync(servers.First, "/api/treaties/inf/events")).AsArray();
        var second = (await GetAsync(servers.Second, "/api/treaties/inf/events")).AsArray();

        var seeded = await TreatyTracker.Hosting.Seeding.SeedFile.ReadAsync(Path.Combine(RepositoryRoot.Path, "seeds", "inf.json"), TestContext.Current.CancellationToken);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(seeded.Events.Count, first.Count);
    }

    [Fact]
    public async Task both_serve_writes_without_losing_any_and_answer_alike()
    {
        await PostAsync(servers.First, "/api/treaties",
            """{"id":"shared","name":"Written through two servers","shortName":"Shared","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        await PostAsync(servers.Second, "/api/treaties/shared/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");

        var writes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostAsync(i % 2 == 0 ? servers.First : servers.Second, "/api/treaties/shared/events", $$"""{"type":"statement","on":"2001-01-{{i + 1:00}}"}""")));

        Assert.All(writes, w => Assert.Contains(w.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = writes.Count(w => w.Status == HttpStatusCode.Created);
        var events = (await GetAsync(servers.First, "/api/treaties/shared/events")).AsArray();
        Assert.Equal(1 + created, events.Count);
        // Each instance answers with every write both made (their newest sequence sent back); permalinks name the instance
        // that was asked: each one's address is taken out before comparing.
        var newest = writes.Max(w => w.Sequence);
        Assert.True(newest > 0, "no write answered with its Record-Sequence");
        async Task<string> Answer(RunningServer server) =>
            (await GetAsync(server, "/api/status?asOf=2001-06-01", newest)).ToJsonString().Replace(server.Address.GetLeftPart(UriPartial.Authority), "{instance}");
        Assert.Equal(await Answer(servers.First), await Answer(servers.Second));
    }

    [Fact]
    public async Task a_dashboard_on_one_instance_hears_of_a_change_made_through_the_other()
    {
        using var feed = await LiveFeed.OpenAsync(servers.Second.Client);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(servers.First, "/api/treaties",
            """{"id":"heard","name":"Heard across instances","shortName":"Heard","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""")).Status);

        Assert.Equal(1, (await feed.NextChangeOfAsync("heard"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_write_through_one_instance_is_read_through_the_other_when_its_sequence_is_sent()
    {
        await PostAsync(servers.First, "/api/treaties",
            """{"id":"read-after","name":"Read after writing","shortName":"Read after","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        await PostAsync(servers.First, "/api/treaties/read-after/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
        using var write = await (await servers.First.EditorClientAsync()).PostAsync("/api/treaties/read-after/events",
            new StringContent("""{"type":"entered-into-force","on":"2000-06-01"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        var sequence = Assert.Single(write.Headers.GetValues("Record-Sequence"));

        // Asked of the other instance at once, with the write's sequence: answered once its read models include the write.
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/treaties/read-after/status?asOf=2001-01-01") { Headers = { { "Record-Sequence", sequence } } };
        using var answer = await servers.Second.Client.SendAsync(read, TestContext.Current.CancellationToken);
        Assert.Equal("in-force", JsonNode.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_event_recorded_with_the_cli_through_one_instance_is_in_the_next_command_s_answer_from_the_other()
    {
        await PostAsync(servers.First, "/api/treaties", """{"id":"cli-read","name":"Read after the CLI","shortName":"CLI","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        await PostAsync(servers.First, "/api/treaties/cli-read/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");

        var recorded = await TreatyTracker.Tests.Cli.Treaty.RunAsync(servers.First.Address, 220,
            "record", "cli-read", "entered-into-force", "--on", "2000-06-01", "--api-key", await servers.First.EditorKeyAsync());
        Assert.Equal(0, recorded.ExitCode);
        var status = await TreatyTracker.Tests.Cli.Treaty.RunAsync(servers.Second.Address, 220, "status", "cli-read", "--as-of", "2001-01-01");

        Assert.Contains("in-force", status.Output);
    }

    [Fact]
    public async Task a_deadline_that_falls_due_is_recorded_exactly_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PostAsync(servers.Second, "/api/treaties",
            """{"id":"due","name":"A notice that runs out today","shortName":"Due","kind":"bilateral","withdrawalNoticePeriod":"P1D"}""");
        await PostAsync(servers.First, "/api/treaties/due/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
        await PostAsync(servers.Second, "/api/treaties/due/events", """{"type":"entered-into-force","on":"2000-02-01"}""");
        var notice = await PostAsync(servers.First, "/api/treaties/due/events", $$"""{"type":"withdrawal-notice-given","on":"{{today.AddDays(-1):yyyy-MM-dd}}","party":"A"}""");
        Assert.Equal(HttpStatusCode.Created, notice.Status);

        // The reminder is due now; whichever instance holds it records the transition. Wait for it, bounded.
        JsonArray events = [];
        for (var attempt = 0; attempt < 150 && !events.Any(e => e!["type"]!.GetValue<string>() == "terminated"); attempt++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            events = (await GetAsync(servers.Second, "/api/treaties/due/events")).AsArray();
        }
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        events = (await GetAsync(servers.First, "/api/treaties/due/events")).AsArray();

        Assert.Equal(1, events.Count(e => e!["type"]!.GetValue<string>() == "withdrawal-took-effect"));
        Assert.Equal(1, events.Count(e => e!["type"]!.GetValue<string>() == "terminated"));
    }
}
