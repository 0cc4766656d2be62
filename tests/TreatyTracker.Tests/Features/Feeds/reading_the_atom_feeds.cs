using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Marten;
using TreatyTracker.Features.Status;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Feeds;

/// <summary>
/// The Atom feeds of what is new in the record, read by a real feed parser: every treaty, one treaty, one state by any of
/// its names; the newest events first, each with a stable id, words, links and its type; conditional GETs.
/// </summary>
public class reading_the_atom_feeds(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Everything = "/api/feeds/record.atom";
    private const string NoticeSource = "https://2017-2021.state.gov/u-s-intent-to-withdraw-from-the-inf-treaty-february-2-2019/";

    private HttpClient Reader => Host.Server.CreateClient();

    /// <summary>What <c>GET /api/record</c> answers for the same question: the entries a feed must have, in its order.</summary>
    private async Task<JsonArray> RecordAsync(string filter = "") =>
        (await Api.GetAsync($"/api/record?since=1970-01-01T00:00:00Z&pageSize=1000{filter}")).Body.At("entries")!.AsArray();

    private static string[] Ids(JsonArray entries) => [.. entries.Select(e => $"urn:uuid:{e!["eventId"]}")];

    private async Task<string> TwoTreatiesAsync()
    {
        await Api.RegisterAsync("inf");
        await Api.Recorded("inf", """{"type":"signed","on":"1987-12-08","parties":["United States","USSR"]}""");
        await Api.Recorded("inf", """{"type":"entered-into-force","on":"1988-06-01"}""");
        await Api.Recorded("inf", """{"type":"succeeded","on":"1991-12-24","successor":"Russia","predecessor":"USSR","kind":"continuation"}""");
        var notice = await Api.Recorded("inf", $$"""
            {"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States","effectiveOn":"2019-08-02","summary":"Six months' notice",
             "source":{"title":"U.S. Intent to Withdraw from the INF Treaty","url":"{{NoticeSource}}","publishedOn":"2019-02-02"} }
            """);
        await Api.BilateralTreatyInForce("new-start", notice: "P3M");
        await Api.Recorded("new-start", """{"type":"participation-suspended","on":"2023-02-28","party":"Russia"}""");
        return notice.Text("eventId");
    }

    [Fact]
    public async Task the_feed_of_everything_has_every_recorded_event_newest_first_with_its_words_links_and_type()
    {
        var notice = await TwoTreatiesAsync();

        var read = await Reader.ReadFeedAsync(Everything);

        var record = await RecordAsync();
        Assert.Equal(Ids(record), read.Items.Select(i => i.Id));
        var recordedAt = record.Select(e => e!["recordedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(recordedAt.Select(at => (at, at)), read.EntryTimes);
        Assert.Equal(recordedAt.Select(WholeSeconds), read.Items.Select(i => i.LastUpdatedTime));
        Assert.Equal(record.Select(e => e!["recordedBy"]!.GetValue<string>()), read.Items.Select(i => Assert.Single(i.Authors).Name));
        Assert.Equal(record.Select(e => e!["type"]!.GetValue<string>()), read.Items.Select(i => Assert.Single(i.Categories).Name));

        var item = read.Items.Single(i => i.Id == $"urn:uuid:{notice}");
        Assert.Equal("inf: United States gave withdrawal notice on 2019-02-02, effective 2019-08-02", item.Title());
        Assert.Equal("Six months' notice", item.Summary.Text);
        Assert.Equal("withdrawal notice given", item.Categories[0].Label);
        Assert.Equal(new Uri("http://localhost/treaties/inf?asOf=2019-02-02"), item.Link("alternate", "text/html"));
        Assert.Equal(new Uri(NoticeSource), item.Link("related"));
        Assert.Equal("U.S. Intent to Withdraw from the INF Treaty", item.Links.Single(l => l.RelationshipType == "related").Title);
        Assert.Contains("U.S. Intent to Withdraw from the INF Treaty</a> (published 2019-02-02)", item.Text());
        var api = item.Link("alternate", "application/json");
        Assert.Equal(notice, (await Api.GetAsync(api.PathAndQuery)).Text("id"));
        Assert.Equal(new Uri("http://localhost/api/treaties/inf/events/" + notice), api);
        Assert.Equal("inf: signed by United States and USSR on 1987-12-08", read.Items[^1].Title());

        var feed = read.Feed;
        Assert.StartsWith("urn:uuid:", feed.Id);
        Assert.Equal("TreatyTracker: what is new in the record", feed.Title.Text);
        Assert.Equal(recordedAt[0], read.Updated);
        Assert.Equal(new Uri("http://localhost" + Everything), feed.Links.Single(l => l.RelationshipType == "self").Uri);
        Assert.Equal(new Uri("http://localhost/record"), feed.Links.Single(l => l.RelationshipType == "alternate").Uri);
    }

    [Fact]
    public async Task an_entry_keeps_its_id_and_a_newly_recorded_event_comes_first()
    {
        await TwoTreatiesAsync();
        var first = await Reader.ReadFeedAsync(Everything);
        var again = await Reader.ReadFeedAsync(Everything);
        Assert.Equal(first.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
        Assert.Equal(first.Feed.Id, again.Feed.Id);

        var statement = (await Api.Recorded("new-start", """{"type":"statement","on":"2024-03-01","by":"Russia","summary":"Will keep to the central limits"}""")).Text("eventId");
        var after = await Reader.ReadFeedAsync(Everything);

        Assert.Equal([$"urn:uuid:{statement}", .. first.Items.Select(i => i.Id)], after.Items.Select(i => i.Id));
        Assert.Equal("new-start: statement by Russia on 2024-03-01", after.Items[0].Title());
        Assert.Equal(first.Feed.Id, after.Feed.Id);
        Assert.True(after.Updated > first.Updated);
    }

    [Fact]
    public async Task a_treatys_feed_has_its_own_events_only()
    {
        await TwoTreatiesAsync();

        var read = await Reader.ReadFeedAsync("/api/feeds/treaties/new-start.atom");

        Assert.Equal(Ids(await RecordAsync("&treaty=new-start")), read.Items.Select(i => i.Id));
        Assert.All(read.Items, i => Assert.StartsWith("new-start: ", i.Title()));
        Assert.Equal("new-start: Russia suspended its participation on 2023-02-28", read.Items[0].Title());
        Assert.Equal("TreatyTracker: what is new for new-start", read.Feed.Title.Text);
        Assert.Equal(new Uri("http://localhost/treaties/new-start"), read.Feed.Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.NotEqual((await Reader.ReadFeedAsync(Everything)).Feed.Id, read.Feed.Id);
    }

    [Fact]
    public async Task a_treaty_with_nothing_recorded_has_an_empty_feed_updated_when_it_was_registered()
    {
        await Api.RegisterAsync("ctbt", "multilateral");
        await ReadModelsCaughtUpAsync();
        await using var session = Store.QuerySession();
        var registered = (await session.LoadAsync<TreatyStatusView>("ctbt", TestContext.Current.CancellationToken))!.RegisteredAt;

        var read = await Reader.ReadFeedAsync("/api/feeds/treaties/ctbt.atom");

        Assert.Empty(read.Items);
        Assert.Equal(registered, read.Updated);
    }

    [Fact]
    public async Task a_states_feed_is_found_by_any_of_its_names_and_has_every_event_naming_it()
    {
        await TwoTreatiesAsync();

        var ussr = await Reader.ReadFeedAsync("/api/feeds/states/USSR.atom");
        var russia = await Reader.ReadFeedAsync("/api/feeds/states/Russia.atom");

        var expected = Ids(await RecordAsync("&state=Russia"));
        Assert.Equal(expected, ussr.Items.Select(i => i.Id));
        Assert.Equal(expected, russia.Items.Select(i => i.Id));
        Assert.Contains(ussr.Items, i => i.Title() == "new-start: Russia suspended its participation on 2023-02-28");
        Assert.Contains(ussr.Items, i => i.Title() == "inf: Russia continued as the same party as USSR on 1991-12-24");
        Assert.DoesNotContain(ussr.Items, i => i.Title().Contains("withdrawal notice"));
        Assert.Contains("also named Russia", ussr.Feed.Description.Text);
        Assert.Equal(new Uri("http://localhost/states/USSR"), ussr.Feed.Links.Single(l => l.RelationshipType == "alternate").Uri);

        var us = await Reader.ReadFeedAsync("/api/feeds/states/United%20States.atom");
        Assert.Equal(Ids(await RecordAsync("&state=United%20States")), us.Items.Select(i => i.Id));
        Assert.Equal(new Uri("http://localhost/api/feeds/states/United%20States.atom"), us.Feed.Links.Single(l => l.RelationshipType == "self").Uri);
    }

    [Fact]
    public async Task retractions_corrections_and_consequences_say_what_they_speak_of()
    {
        await Api.BilateralTreatyInForce("inf");
        var suspension = (await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}""")).Text("eventId");
        await Api.Recorded("inf", $$"""{"type":"event-retracted","on":"2019-04-01","eventId":"{{suspension}}","reason":"recorded in error"}""");
        var allegation = (await Api.Recorded("inf", """{"type":"violation-alleged","on":"2014-07-29","accuser":"United States","accused":"Russia"}""")).Text("eventId");
        var corrected = await Api.PostAsync($"/api/treaties/inf/events/{allegation}/correction",
            """{"reason":"the report came out a day later","event":{"type":"violation-alleged","on":"2014-07-30","accuser":"United States","accused":"Russia"}}""");
        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        // A notice that ran out long ago: the server records its consequences with it.
        var notice = (await Api.Recorded("inf", """{"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States"}""")).Text("eventId");

        var items = (await Reader.ReadFeedAsync("/api/feeds/treaties/inf.atom")).Items;

        // Newest first; the events of one append (a correction, a notice with its consequences) by version, the last first.
        Assert.Equal([
            "inf: terminated on 2019-08-02",
            "inf: the withdrawal of United States took effect on 2019-08-02",
            "inf: United States gave withdrawal notice on 2019-02-02, effective 2019-08-02",
            "inf: corrected: United States alleged a violation by Russia on 2014-07-30",
            "inf: retracted: United States alleged a violation by Russia on 2014-07-29",
            "inf: United States alleged a violation by Russia on 2014-07-29",
            "inf: retracted: Russia suspended its participation on 2019-03-04",
            "inf: Russia suspended its participation on 2019-03-04",
            "inf: entered into force on 1988-06-01",
            "inf: signed by United States and Russia on 1987-12-08",
        ], items.Select(i => i.Title()));
        var retraction = items.Single(i => i.Title() == "inf: retracted: Russia suspended its participation on 2019-03-04");
        Assert.Contains($"Retracts the event \"Russia suspended its participation on 2019-03-04\" ({suspension}). Reason: recorded in error", retraction.Text());
        Assert.Equal("recorded in error", retraction.Summary.Text);
        var correction = items.Single(i => i.Title().StartsWith("inf: corrected: "));
        Assert.Contains($"Corrects the event \"United States alleged a violation by Russia on 2014-07-29\" ({allegation}), retracted with it. " +
                        "Reason: the report came out a day later", correction.Text());
        var tookEffect = items.Single(i => i.Title() == "inf: the withdrawal of United States took effect on 2019-08-02");
        Assert.Contains($"it follows from the event \"United States gave withdrawal notice on 2019-02-02, effective 2019-08-02\" ({notice})", tookEffect.Text());
    }

    [Fact]
    public async Task an_unchanged_feed_answers_304_to_its_etag_and_a_new_event_changes_it()
    {
        await TwoTreatiesAsync();
        foreach (var url in new[] { Everything, "/api/feeds/treaties/inf.atom", "/api/feeds/states/USSR.atom" })
        {
            var read = await Reader.ReadFeedAsync(url);
            var unchanged = await Reader.GetFeedAsync(url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue(read.ETag)));
            Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
            Assert.Equal("", unchanged.Body);
            Assert.Equal(read.ETag, unchanged.ETag);
        }

        var before = await Reader.ReadFeedAsync("/api/feeds/states/USSR.atom");
        await Api.Recorded("inf", """{"type":"violation-alleged","on":"2014-07-29","accuser":"United States","accused":"Russia"}""");

        foreach (var url in new[] { Everything, "/api/feeds/treaties/inf.atom", "/api/feeds/states/USSR.atom" })
        {
            var changed = await Reader.GetFeedAsync(url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue(before.ETag)));
            Assert.Equal(HttpStatusCode.OK, changed.Status);
            Assert.NotEqual(before.ETag, changed.ETag);
            Assert.Equal("inf: United States alleged a violation by Russia on 2014-07-29", changed.Items[0].Title());
        }
        var treaty = await Reader.ReadFeedAsync("/api/feeds/treaties/new-start.atom");
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.GetFeedAsync("/api/feeds/treaties/new-start.atom",
            h => h.IfNoneMatch.Add(new EntityTagHeaderValue(treaty.ETag)))).Status);
    }

    [Fact]
    public async Task last_modified_is_the_newest_entry_and_if_modified_since_answers_304_only_when_nothing_came_after()
    {
        await TwoTreatiesAsync();
        var newest = (await RecordAsync())[0]!["recordedAt"]!.GetValue<DateTimeOffset>();
        var second = WholeSeconds(newest);

        var read = await Reader.ReadFeedAsync(Everything);
        Assert.Equal(second, read.Content.LastModified);

        // A client sends back the Last-Modified it was given, which has whole seconds only.
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.GetFeedAsync(Everything, h => h.IfModifiedSince = read.Content.LastModified)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetFeedAsync(Everything, h => h.IfModifiedSince = second.AddSeconds(-1))).Status);
        // If-None-Match wins over If-Modified-Since (RFC 9110): an ETag that is not the feed's is a 200.
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetFeedAsync(Everything, h =>
        {
            h.IfModifiedSince = second.AddSeconds(1);
            h.IfNoneMatch.Add(new EntityTagHeaderValue("\"another\""));
        })).Status);
    }

    [Theory]
    [InlineData("/api/feeds/treaties/no-such-treaty.atom", "Unknown treaty")]
    [InlineData("/api/feeds/treaties/INF.atom", "Unknown treaty")]
    [InlineData("/api/feeds/states/Atlantis.atom", "Unknown state")]
    [InlineData("/api/feeds/states/russia.atom", "Unknown state")]
    [InlineData("/api/feeds/states/%27%20or%201%3D1%20--.atom", "Unknown state")]
    public async Task an_unknown_treaty_or_state_is_a_404_problem_and_nothing_is_recorded(string url, string title)
    {
        await TwoTreatiesAsync();
        var stored = await StoredEventCountAsync();

        var missing = await AnonymousApi.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("application/problem+json", missing.ContentType);
        Assert.Equal(title, missing.Text("title"));
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    /// <summary>What .NET's Atom parser keeps of an instant, and what an HTTP date can say.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) => new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    [Fact]
    public async Task a_feed_has_the_newest_fifty_events()
    {
        await Api.BilateralTreatyInForce("inf");
        var statements = new List<string>();
        for (var day = 1; day <= 55; day++)
            statements.Add((await Api.Recorded("inf", $$"""{"type":"statement","on":"2020-01-{{Math.Min(day, 28):00}}"}""")).Text("eventId"));

        var items = (await Reader.ReadFeedAsync("/api/feeds/treaties/inf.atom")).Items;

        Assert.Equal(statements.AsEnumerable().Reverse().Take(50).Select(id => $"urn:uuid:{id}"), items.Select(i => i.Id));
    }
}
