using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Recording;

public class recording_events(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task answers_201_with_the_event_id_and_stream_version_and_the_views_follow()
    {
        await Api.BilateralTreatyInForce("inf");

        var response = await Api.RecordAsync("inf", """
            {"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States",
             "summary":"Notice under Art. XV","source":{"title":"State Department","url":"https://www.state.gov/","publishedOn":"2019-02-02"}}
            """);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var eventId = response.Text("eventId");
        Assert.Equal(4, response.Body.At("version")!.GetValue<long>());
        Assert.Equal($"/api/treaties/inf/events/{eventId}", response.Headers.Location?.ToString());

        var recorded = await Api.GetAsync($"/api/treaties/inf/events/{eventId}");
        Assert.Equal("withdrawal-notice-given", recorded.Text("type"));
        Assert.Equal("2019-08-02", recorded.Text("event.effectiveOn"));
        Assert.Equal("https://www.state.gov/", recorded.Text("event.source.url"));
        Assert.NotEqual(default, recorded.Body.At("recordedAt")!.GetValue<DateTimeOffset>());

        var events = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray();
        Assert.Equal(["withdrawal-notice-given", "withdrawal-took-effect", "terminated"],
            events.Skip(2).Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(eventId, events[2]!["id"]!.GetValue<string>());

        var treaty = await Api.GetAsync("/api/treaties/inf");
        Assert.Equal("terminated", treaty.Text("status"));
        Assert.Equal("2019-08-02", treaty.Text("since"));
        Assert.Equal(events[^1]!["id"]!.GetValue<string>(), treaty.Text("lastEvent.id"));
    }

    [Fact]
    public async Task a_backdated_event_corrects_the_history()
    {
        await Api.BilateralTreatyInForce("inf");
        await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}""");
        var before = await Api.GetAsync("/api/treaties/inf/history");
        Assert.Equal("in-force", before.Text("intervals[2].status"));
        Assert.Null(before.Body.At("intervals[2].to"));

        await Api.Recorded("inf", """{"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States"}""");

        var history = await Api.GetAsync("/api/treaties/inf/history");
        Assert.Equal("2019-08-02", history.Text("intervals[2].to"));
        Assert.Equal("terminated", history.Text("intervals[3].status"));
        var events = history.Body.At("events")!.AsArray();
        Assert.Equal(["signed", "entered-into-force", "withdrawal-notice-given", "participation-suspended", "withdrawal-took-effect", "terminated"],
            events.Select(e => e!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task the_event_list_shows_what_was_recorded_in_recording_order_and_what_was_retracted()
    {
        await Api.BilateralTreatyInForce("inf");
        var wrong = await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"United States"}""");
        await Api.Recorded("inf", $$"""{"type":"event-retracted","on":"2019-03-05","eventId":"{{wrong.Text("eventId")}}","reason":"it was Russia"}""");

        var events = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray();

        Assert.Equal([2L, 3L, 4L, 5L], events.Select(e => e!["version"]!.GetValue<long>()));
        Assert.True(events[2]!["retracted"]!.GetValue<bool>());
        Assert.Equal(events[3]!["id"]!.GetValue<string>(), events[2]!["retractedBy"]!.GetValue<string>());
        var russia = (await Api.GetAsync("/api/treaties/inf")).Body.At("parties[0]");
        Assert.Equal("party", russia.At("status")!.GetValue<string>());
    }

    public static TheoryData<string, string> ImpossibleEvents => new()
    {
        { """{"type":"nonsense","on":"2019-01-01"}""", "type" },
        { """{"on":"2019-01-01"}""", "type" },
        { """{"type":"statement"}""", "on" },
        { """{"type":"statement","on":"1066-10-14"}""", "on" },
        { """{"type":"ratified","on":"2019-01-01","party":"France"}""", "event" },
        { """{"type":"entered-into-force","on":"1987-01-01"}""", "event" },
        { """{"type":"withdrawal-notice-given","on":"1987-12-09","party":"Russia"}""", "event" },
        { """{"type":"participation-resumed","on":"2019-01-01","party":"Russia"}""", "event" },
        { """{"type":"term-extended","on":"2019-01-01","expiresOn":"2030-01-01"}""", "event" },
        { """{"type":"violation-alleged","on":"2019-01-01","accuser":"Russia","accused":"Russia"}""", "event" },
        { """{"type":"terminated","on":"2019-01-01","party":"Russia"}""", "party" },
        { """{"type":"statement","on":"2019-01-01","summary":"\u0007bell"}""", "summary" },
        { """{"type":"event-retracted","on":"2019-01-01","eventId":"8b7f4f0e-7b43-4a4e-9d43-5f7c2f0d9a11","reason":"x"}""", "eventId" },
        { """{"type":"statement","on":"2019-01-01","certainty":"Month"}""", "certainty" },
        { """{"type":"statement","on":"2019-01-17","certainty":"month"}""", "on" },
        { """{"type":"statement","on":"2019-01-01","otherSources":[null]}""", "otherSources[0]" },
        { """{"type":"statement","on":"2019-01-01","otherSources":[{"url":"https://example.org"}]}""", "otherSources[0].title" },
        { $$"""{"type":"statement","on":"2019-01-01","otherSources":[{{string.Join(",", Enumerable.Repeat("""{"title":"t"}""", 21))}}]}""", "otherSources" },
        { """{"type":"succeeded","on":"2019-01-01","successor":"Russia","predecessor":"Russia","kind":"continuation"}""", "successor" },
        { """{"type":"succeeded","on":"2019-01-01","successor":"Russia","predecessor":"USSR"}""", "kind" },
        { """{"type":"superseded","on":"2019-01-01","by":"inf"}""", "by" },
        { """{"type":"superseded","on":"2019-01-01","by":"No such treaty!"}""", "by" },
        { """{"type":"terminated","on":"2019-01-01","followsFrom":"8b7f4f0e-7b43-4a4e-9d43-5f7c2f0d9a11"}""", "followsFrom" },
        { """{"type":"withdrawal-notice-given","on":"9999-10-01","party":"Russia"}""", "effectiveOn" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleEvents))]
    public async Task malformed_or_impossible_events_are_problems_naming_the_field_and_append_nothing(string json, string field)
    {
        await Api.RegisterAsync("inf");
        await Api.Recorded("inf", """{"type":"signed","on":"1987-12-08","parties":["United States","Russia"]}""");
        var stored = await StoredEventCountAsync();

        var response = await Api.RecordAsync("inf", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.NotNull(response.Body.At("errors")?[field]);
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Theory]
    [InlineData("""{"type":"statement","on":"2019-02-30"}""")]
    [InlineData("""{"type":"statement","on":"2019-01-01","colour":"red"}""")]
    [InlineData("""{"type":"signed","on":"2019-01-01","parties":"Russia"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"type":"statement",""")]
    public async Task json_that_does_not_fit_the_contract_is_a_problem_and_appends_nothing(string json)
    {
        await Api.RegisterAsync("inf");

        var response = await Api.RecordAsync("inf", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(1, await StoredEventCountAsync());
    }

    [Fact]
    public async Task an_event_for_an_unknown_treaty_is_404_and_appends_nothing()
    {
        var response = await Api.RecordAsync("no-such-treaty", """{"type":"statement","on":"2019-01-01"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Fact]
    public async Task concurrent_writers_to_one_treaty_each_get_201_or_409_and_no_acknowledged_event_is_lost()
    {
        await Api.BilateralTreatyInForce("inf");
        var before = await StoredEventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Api.RecordAsync("inf", $$"""{"type":"statement","on":"2019-01-{{i % 28 + 1:00}}","summary":"writer {{i}}"}""")));

        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Equal(before + created.Count, await StoredEventCountAsync());
        var listed = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToHashSet();
        Assert.All(created, r => Assert.Contains(r.Text("eventId"), listed));
        Assert.All(responses.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal("application/problem+json", r.ContentType));
    }
}

public class recording_against_an_expected_version(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_writer_who_saw_the_current_version_records()
    {
        await Api.BilateralTreatyInForce("inf");
        var version = (await Api.GetAsync("/api/treaties/inf")).Body.At("version")!.GetValue<long>();

        var byField = await Api.RecordAsync("inf", $$"""{"type":"statement","on":"2019-01-01","version":{{version}}}""");
        var byHeader = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/treaties/inf/events")
        {
            Content = new StringContent("""{"type":"statement","on":"2019-01-02"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "If-Match", $"\"{version + 1}\"" } }
        });

        Assert.Equal(HttpStatusCode.Created, byField.Status);
        Assert.Equal(HttpStatusCode.Created, byHeader.Status);
    }

    [Fact]
    public async Task a_stale_version_is_a_conflict_and_appends_nothing()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();

        var stale = await Api.RecordAsync("inf", """{"type":"statement","on":"2019-01-01","version":2}""");
        var staleHeader = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/treaties/inf/events")
        {
            Content = new StringContent("""{"type":"statement","on":"2019-01-02"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "If-Match", "\"1\"" } }
        });
        var malformed = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/treaties/inf/events")
        {
            Content = new StringContent("""{"type":"statement","on":"2019-01-02"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "If-Match", "\"latest\"" } }
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("application/problem+json", stale.ContentType);
        Assert.Equal(HttpStatusCode.Conflict, staleHeader.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task nothing_is_recorded_before_a_treaty_s_signature()
    {
        await Api.RegisterAsync("inf");
        await Api.Recorded("inf", """{"type":"signed","on":"1987-12-08","parties":["United States","Russia"]}""");

        var early = await Api.RecordAsync("inf", """{"type":"statement","on":"1987-01-01","summary":"talks began"}""");

        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal(2, await StoredEventCountAsync());
    }
}

public class recording_who_recorded_what(AppFixture fixture) : IntegrationContext(fixture)
{
    private static HttpRequestMessage Post(string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/treaties/inf/events")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json")
        };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return request;
    }

    [Fact]
    public async Task every_event_carries_the_key_holder_who_recorded_it_and_the_request_s_correlation_id()
    {
        await Api.BilateralTreatyInForce("inf");

        var response = await Api.SendAsync(Post("""{"type":"statement","on":"2019-01-01","source":{"title":"A source","url":"https://example.org/a"}}""",
            ("X-Recorded-By", "analyst.one"), ("X-Correlation-Id", "ticket-42")));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("ticket-42", response.Headers.GetValues("X-Correlation-Id").Single());
        var recorded = await Api.GetAsync($"/api/treaties/inf/events/{response.Text("eventId")}");
        Assert.Equal(("test editor: analyst.one", "ticket-42", "https://example.org/a"),
            (recorded.Text("recordedBy"), recorded.Text("correlationId"), recorded.Text("event.source.url")));
        var withoutHeaders = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray()[0]!;
        Assert.Equal("test editor", withoutHeaders["recordedBy"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(withoutHeaders["correlationId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_malformed_audit_header_is_refused_and_appends_nothing()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();

        var response = await Api.SendAsync(Post("""{"type":"statement","on":"2019-01-01"}""", ("X-Recorded-By", new string('x', 101))));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Body.At("errors")?["X-Recorded-By"]);
        Assert.Equal(stored, await StoredEventCountAsync());
    }
}
