using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.ScalingOut;

/// <summary>
/// A writing instance on the primary and a read-only instance on a streaming replica of it, as the README says
/// to point reads at a replica.
/// </summary>
public class reading_from_a_replica(PostgresServer postgres)
{
    private static readonly TimeSpan ReplicationLimit = TimeSpan.FromSeconds(30);

    private static async Task<string> TextAsync(RunningServer server, string url)
    {
        using var response = await server.Client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {text}");
        // Permalinks name the instance that was asked: the same answer from another address names that one.
        return text.Replace(server.Address.GetLeftPart(UriPartial.Authority), "{instance}");
    }

    [Fact]
    public async Task the_read_only_instance_answers_as_the_primary_does_refuses_writes_and_hears_of_changes()
    {
        await using var primary = await ThrowawayCluster.StartAsync();
        var database = await primary.CreateDatabaseAsync("treatytracker");
        await using var writer = new RunningServer(postgres) { ConnectionString = database };
        await writer.InitializeAsync();
        await using var replica = await StreamingReplica.StartAsync(primary);
        await using var reader = new RunningServer(postgres)
        {
            ConnectionString = replica.ConnectionString("treatytracker"),
            Settings = new Dictionary<string, string>
            {
                ["TreatyTracker:ReadOnly"] = "true",
                ["ConnectionStrings:Notifications"] = database
            }
        };
        await reader.InitializeAsync();

        foreach (var url in new[] { "/api/treaties", "/api/status?asOf=2019-05-01", "/api/treaties/inf/history", "/api/treaties/open-skies/status?asOf=2021-01-01" })
            Assert.Equal(await TextAsync(writer, url), await TextAsync(reader, url));

        using var refused = await reader.Client.PostAsync("/api/treaties/inf/events",
            new StringContent("""{"type":"statement","on":"2020-01-01","by":"Russia"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        using var feed = await LiveFeed.OpenAsync(reader.Client);

        using var editor = await writer.EditorClientAsync();
        using var recorded = await editor.PostAsync("/api/treaties/new-start/events",
            new StringContent("""{"type":"statement","on":"2026-03-01","by":"Russia","summary":"Through the primary"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        await feed.NextChangeOfAsync("new-start");
        await replica.CatchUpAsync(ReplicationLimit);
        // Even once the replica reports the primary's position replayed, the first read can still miss the commit
        // (seen about one run in three): the instance is asked again, for a bounded time, as a client would.
        var waited = Stopwatch.StartNew();
        JsonArray events;
        while (!(events = JsonNode.Parse(await TextAsync(reader, "/api/treaties/new-start/events"))!.AsArray())
                   .Any(e => e!["summary"]?.GetValue<string>() == "Through the primary") && waited.Elapsed < ReplicationLimit)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e!["summary"]?.GetValue<string>() == "Through the primary");
        Assert.Equal(await TextAsync(writer, "/api/treaties/new-start/history"), await TextAsync(reader, "/api/treaties/new-start/history"));
    }
}
