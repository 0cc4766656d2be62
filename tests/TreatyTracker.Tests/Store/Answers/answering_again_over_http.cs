using System.Net;
using System.Net.Http.Headers;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TreatyTracker.Store.Answers;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties;
using TreatyTracker.Http;
using TreatyTracker.Store;
using Xunit;

namespace TreatyTracker.Tests.Store.Answers;

public class answering_again_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Question = "/api/treaties/inf/status?asOf=2000-01-01";

    private async Task<ApiResponse> AskAsync(string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Question);
        if (etag is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await AnonymousApi.SendAsync(request);
    }

    /// <summary>The cache is on once the app's listener hears the database; the host may still be connecting it.</summary>
    private async Task UntilTheCacheIsOnAsync()
    {
        var cache = Host.Services.GetRequiredService<AnswerCache>();
        for (var attempt = 0; attempt < 100 && !cache.IsOn; attempt++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(cache.IsOn, "the app never started hearing the database");
    }

    /// <summary>
    /// The INF treaty in force, once the app has heard the notice of each of its three commits: a notice heard late
    /// makes the app forget, and a test about what it keeps must not depend on when the notices arrive.
    /// </summary>
    private async Task InfInForceAndHeardAsync()
    {
        using var feed = await LiveFeed.OpenAsync(Host.Server.CreateClient());
        await Api.BilateralTreatyInForce("inf");
        for (var commit = 0; commit < 3; commit++) await feed.NextChangeOfAsync("inf");
    }

    private async Task<ApiResponse> UntilTheNameIsAsync(string name)
    {
        var answer = await AskAsync();
        for (var attempt = 0; attempt < 100 && answer.Text("name") != name; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            answer = await AskAsync();
        }
        return answer;
    }

    private async Task ChangeBehindTheAppsBackAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.NotEqual(0, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)); // an update that matched nothing would prove nothing
    }

    [Fact]
    public async Task an_answer_carries_an_etag_and_a_client_that_sends_it_back_gets_304_until_the_answer_changes()
    {
        await Api.BilateralTreatyInForce("inf");
        var first = await AskAsync();
        var etag = first.Headers.ETag!.ToString();

        var again = await AskAsync(etag);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Null(again.Body);
        Assert.Equal(etag, again.Headers.ETag!.ToString());
        Assert.Equal("no-cache", again.Headers.CacheControl!.ToString());

        await Api.Recorded("inf", """{"type":"violation-alleged","on":"1999-06-01","accuser":"United States","accused":"Russia","summary":"test"}""");

        var changed = await AskAsync(etag);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Single(changed.Body.At("allegations")!.AsArray());
    }

    [Fact]
    public async Task a_write_is_read_back_at_once_from_the_instance_that_made_it()
    {
        await UntilTheCacheIsOnAsync();
        await Api.BilateralTreatyInForce("inf");
        Assert.Equal("in-force", (await AskAsync()).Text("status"));
        Assert.Equal(3, (await AnonymousApi.GetAsync("/api/treaties/inf")).Body.At("version")!.GetValue<long>());
        Assert.Equal(3, (await AnonymousApi.GetAsync("/api/treaties/inf/history")).Body.At("version")!.GetValue<long>());
        Assert.Equal(3, (await AnonymousApi.GetAsync("/api/treaties")).Body.At("[0].version")!.GetValue<long>());
        Assert.Equal("in-force", (await AnonymousApi.GetAsync("/api/status?asOf=2000-01-01")).Text("treaties[0].status"));

        await Api.Recorded("inf", """{"type":"terminated","on":"1999-01-01"}""");

        Assert.Equal("terminated", (await AskAsync()).Text("status"));
        Assert.Equal(4, (await AnonymousApi.GetAsync("/api/treaties/inf")).Body.At("version")!.GetValue<long>());
        Assert.Equal(4, (await AnonymousApi.GetAsync("/api/treaties/inf/history")).Body.At("version")!.GetValue<long>());
        Assert.Equal(4, (await AnonymousApi.GetAsync("/api/treaties")).Body.At("[0].version")!.GetValue<long>());
        Assert.Equal("terminated", (await AnonymousApi.GetAsync("/api/status?asOf=2000-01-01")).Text("treaties[0].status"));
    }

    private static readonly string[] EveryKindOfQuestion =
    [
        "/api/treaties", "/api/treaties/pact", "/api/treaties/pact/history", "/api/treaties/pact/events", "/api/treaties/other/events",
        "/api/treaties/pact/status?asOf=1995-06-01", "/api/treaties/pact/status?asOf=2005-06-01", "/api/treaties/other/status?asOf=2005-06-01",
        "/api/status?asOf=1995-06-01", "/api/status?asOf=2005-06-01&pageSize=1", "/api/status?asOf=2005-06-01&pageSize=1&page=2",
        "/api/treaties/pact/diff?from=1990-01-01&to=2010-01-01", "/api/treaties/other/diff?from=1990-01-01&to=2010-01-01",
        "/api/allegations", "/api/allegations?treaty=pact", "/api/allegations?treaty=other", "/api/allegations?accuser=Russia",
        "/api/deadlines", "/api/deadlines?from=1900-01-01", "/api/deadlines?from=2100-01-01&to=2200-01-01"
    ];

    [Fact]
    public async Task after_every_kind_of_write_every_answer_from_memory_equals_the_answer_from_the_database()
    {
        await UntilTheCacheIsOnAsync();
        var cache = Host.Services.GetRequiredService<AnswerCache>();
        var alleged = "";
        var wrong = "";
        var writes = new (string What, Func<Task> Write)[]
        {
            // Notices run out in the next century: no deadline falls due (and writes on its own) during the test.
            ("pact registered", async () => Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("pact", notice: "P100Y")).Status)),
            ("pact signed", () => Api.Recorded("pact", """{"type":"signed","on":"1990-01-01","parties":["United States","Russia"]}""")),
            ("pact in force", () => Api.Recorded("pact", """{"type":"entered-into-force","on":"1991-01-01"}""")),
            ("other registered", async () => Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("other", "multilateral", "P100Y")).Status)),
            ("other signed", () => Api.Recorded("other", """{"type":"signed","on":"1992-01-01","parties":["A","B","C"]}""")),
            ("an allegation", async () => alleged = (await Api.Recorded("pact", """{"type":"violation-alleged","on":"1995-01-01","accuser":"Russia","accused":"United States"}""")).Text("eventId")),
            ("a wrong suspension", async () => wrong = (await Api.Recorded("pact", """{"type":"participation-suspended","on":"1999-03-04","party":"United States"}""")).Text("eventId")),
            ("its correction", async () => Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/treaties/pact/events/{wrong}/correction",
                """{"reason":"wrong party","event":{"type":"participation-suspended","on":"1999-03-04","party":"Russia"}}""")).Status)),
            ("the allegation retracted", async () => Assert.Equal(HttpStatusCode.Created,
                (await Api.PostAsync($"/api/treaties/pact/events/{alleged}/retraction", """{"reason":"test"}""")).Status)),
            ("a notice", () => Api.Recorded("pact", """{"type":"withdrawal-notice-given","on":"2003-01-01","party":"Russia"}""")),
            ("a backdated statement", () => Api.Recorded("pact", """{"type":"statement","on":"1990-06-01"}""")),
            ("an import", async () => Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync("/api/import", """
                [{"treaty":"other","type":"entered-into-force","on":"2000-01-01"},
                 {"treaty":"other","type":"violation-alleged","on":"2004-01-01","accuser":"A","accused":"B"},
                 {"treaty":"pact","type":"statement","on":"2004-01-01"}]
                """)).Status)),
        };

        foreach (var (what, write) in writes)
        {
            await write();
            var asServed = await AnswersAsync(); // from memory wherever kept and not forgotten
            cache.ForgetEverything();
            Scenarios.AssertSameAnswers(await AnswersAsync(), asServed, $"from memory after {what}");
        }
    }

    /// <summary>The answers to every kind of question; a problem's trace id differs from one request to the next.</summary>
    private async Task<Dictionary<string, System.Text.Json.Nodes.JsonNode?>> AnswersAsync()
    {
        var answers = await AnonymousApi.AnswersAsync(EveryKindOfQuestion);
        foreach (var answer in answers.Values.OfType<System.Text.Json.Nodes.JsonObject>()) answer.Remove("traceId");
        return answers;
    }

    [Fact]
    public async Task no_treaty_id_reaches_the_answers_kept_about_every_treaty()
    {
        await UntilTheCacheIsOnAsync();
        await Api.BilateralTreatyInForce("inf");
        Assert.Equal(HttpStatusCode.OK, (await AnonymousApi.GetAsync("/api/treaties")).Status); // now kept

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousApi.GetAsync("/api/treaties/%2A")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousApi.GetAsync("/api/treaties/%2A/status?asOf=2000-01-01")).Status);
    }

    [Fact]
    public async Task a_commit_forgets_its_treaties_answers_before_it_returns()
    {
        await Api.BilateralTreatyInForce("inf");
        using var cache = new AnswerCache(64); // hears nothing but the commits below: no NOTIFY can help
        cache.Hearing(true);
        var reads = 0;
        Task<KeptAnswer?> Read() => Task.FromResult<KeptAnswer?>(JsonAnswer.Of(++reads));
        await cache.AnswerAsync("inf", "q", Read);
        await cache.AnswerAsync("new-start", "q", Read);

        await using (var session = Store.LightweightSession(new SessionOptions { Listeners = { new ForgetChangedTreaties(cache) } }))
        {
            session.Events.Append("inf", new Statement { On = new DateOnly(2000, 1, 1) });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await cache.AnswerAsync("inf", "q", Read);
        await cache.AnswerAsync("new-start", "q", Read);

        Assert.Equal(3, reads);
    }

    [Theory]
    [InlineData("treatytracker_everything_changed", "")]
    [InlineData("treatytracker_changes", "not a change notice")]
    public async Task a_kept_answer_is_served_until_the_database_announces_that_everything_changed_or_sends_a_notice_it_cannot_read(
        string channel, string payload)
    {
        await UntilTheCacheIsOnAsync();
        await InfInForceAndHeardAsync();
        var kept = (await AskAsync()).Text("name");

        // Only a change the app does not hear of shows that the answer comes from memory.
        await ChangeBehindTheAppsBackAsync("update treaties.mt_doc_statussegment set data = jsonb_set(data, '{treatyName}', '\"Renamed\"') where treaty_id = 'inf'");
        Assert.Equal(kept, (await AskAsync()).Text("name"));

        await ChangeBehindTheAppsBackAsync($"select pg_notify('{channel}', '{payload}')");

        Assert.Equal("Renamed", (await UntilTheNameIsAsync("Renamed")).Text("name"));
        Assert.True(Host.Services.GetRequiredService<AnswerCache>().IsOn, "the app stopped hearing the database");
    }

    [Fact]
    public async Task a_rebuild_makes_running_servers_forget_what_they_kept()
    {
        await UntilTheCacheIsOnAsync();
        await InfInForceAndHeardAsync();
        await AskAsync();

        // As if the rules that derive the read models from the record had changed: the rebuild answers differently.
        await ChangeBehindTheAppsBackAsync("update treaties.mt_events set data = jsonb_set(data, '{name}', '\"Rebuilt\"') where stream_id = 'inf' and version = 1");
        await Rebuild.RunAsync(Store, TestContext.Current.CancellationToken);

        Assert.Equal("Rebuilt", (await UntilTheNameIsAsync("Rebuilt")).Text("name"));
    }
}
