using TreatyTracker.Http;
using System.Net;
using System.Text;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http;

public class retrying_with_an_idempotency_key(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<ApiResponse> PostAsync(string url, string json, string key) =>
        Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", key } }
        });

    [Fact]
    public async Task the_same_key_and_body_twice_records_one_event_and_answers_the_same()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();
        const string json = """{"type":"statement","on":"2019-01-01","summary":"once"}""";

        var first = await PostAsync("/api/treaties/inf/events", json, "retry-1");
        var second = await PostAsync("/api/treaties/inf/events", json, "retry-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(first.Body!.ToJsonString(), second.Body!.ToJsonString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(stored + 1, await StoredEventCountAsync());
        var recorded = await Api.GetAsync($"/api/treaties/inf/events/{first.Text("eventId")}");
        Assert.Equal("idempotency:retry-1", recorded.Text("correlationId"));
    }

    [Fact]
    public async Task the_same_key_with_another_body_or_path_is_422_and_records_nothing()
    {
        await Api.BilateralTreatyInForce("inf");
        await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-01"}""", "retry-2");
        var stored = await StoredEventCountAsync();

        var otherBody = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-02"}""", "retry-2");
        var otherPath = await PostAsync("/api/treaties", """{"id":"abm","name":"ABM","shortName":"ABM","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""", "retry-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.Status);
        Assert.Equal("application/problem+json", otherBody.ContentType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherPath.Status);
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_refused_request_releases_its_key_for_a_corrected_retry()
    {
        await Api.BilateralTreatyInForce("inf");

        var refused = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-02-30"}""", "retry-3");
        var corrected = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-02-28"}""", "retry-3");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(HttpStatusCode.Created, corrected.Status);
    }

    [Fact]
    public async Task concurrent_retries_with_one_key_record_one_event()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-01","summary":"race"}""", "retry-4")));

        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(stored + 1, await StoredEventCountAsync());
        Assert.Single(responses.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Text("eventId")).Distinct());
    }

    private async Task LeaveAnAbandonedClaimAsync(string key, TimeSpan age, string correlationId)
    {
        await using var session = Store.LightweightSession();
        session.Store(new IdempotencyReceipt($"{EditorKey.Split('_')[1]}:{key}", "an earlier body", false, 0, null, null, null,
            DateTimeOffset.UtcNow - age, correlationId, Guid.NewGuid()));
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task a_claim_abandoned_long_ago_that_recorded_nothing_is_taken_over_by_a_retry()
    {
        await Api.BilateralTreatyInForce("inf");
        await LeaveAnAbandonedClaimAsync("retry-5", TimeSpan.FromHours(1), "idempotency:retry-5");
        var stored = await StoredEventCountAsync();

        var retried = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-01","summary":"after an outage"}""", "retry-5");

        Assert.True(retried.Status == HttpStatusCode.Created, retried.Body?.ToJsonString());
        Assert.Equal(stored + 1, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_recent_claim_or_one_whose_events_were_recorded_is_never_taken_over()
    {
        await Api.BilateralTreatyInForce("inf");
        await LeaveAnAbandonedClaimAsync("retry-6", TimeSpan.FromSeconds(5), "idempotency:retry-6");
        var recorded = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/treaties/inf/events")
        {
            Content = new StringContent("""{"type":"statement","on":"2019-01-02"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "X-Correlation-Id", "ticket-7" } }
        });
        Assert.Equal(HttpStatusCode.Created, recorded.Status);
        await LeaveAnAbandonedClaimAsync("retry-7", TimeSpan.FromHours(1), "ticket-7");
        var stored = await StoredEventCountAsync();

        var recent = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-03"}""", "retry-6");
        var recordedBefore = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-02"}""", "retry-7");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (recent.Status, recordedBefore.Status));
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_malformed_key_is_refused()
    {
        await Api.BilateralTreatyInForce("inf");

        var response = await PostAsync("/api/treaties/inf/events", """{"type":"statement","on":"2019-01-01"}""", new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
