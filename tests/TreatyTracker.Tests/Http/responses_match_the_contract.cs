using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http;

/// <summary>
/// Every operation of the contract, through Prism's validation proxy to a real server: a representative request for
/// each, its successes and its documented errors, and no answer that departs from the document. A new operation
/// fails <see cref="every_operation_of_the_contract_is_exercised"/> until it has a line in <see cref="Exchanges"/>.
/// </summary>
public class responses_match_the_contract(PrismProxy prism) : IClassFixture<PrismProxy>
{
    /// <summary>One request and the status it must get. In paths, bodies and headers: {new} is a treaty id not taken yet,
    /// {event} the INF Treaty's statement recorded last (before one, its first event), {key} the id of a key to revoke, {etag} the INF Treaty's current ETag, {webhook} the webhook registered last.</summary>
    public sealed record Exchange(string Operation, int Status, string Method, string Path, string? Body = null, Role? As = null,
        string ContentType = "application/json", params (string Name, string Value)[] Headers);

    private const string Statement = """{"type": "statement", "on": "2019-02-01", "by": "Russia", "summary": "Through the contract test"}""";
    // On loopback, which this test's server allows; nothing listens there, and the filter keeps INF's events away from it.
    private const string Subscribe = """{"callbackUrl": "http://127.0.0.1:9/hook", "treaty": "new-start", "eventTypes": ["statement"]}""";
    private const string Register = """{"id": "{new}", "name": "Contract Test Treaty", "shortName": "CTT", "kind": "bilateral", "withdrawalNoticePeriod": "P6M"}""";

    /// <summary>In order: some need what an earlier one did (the 422 replays the key of the line before it).</summary>
    public static readonly Exchange[] Exchanges =
    [
        new("GetTreaties", 200, "GET", "/api/treaties"),
        new("GetTreaty", 200, "GET", "/api/treaties/inf"),
        new("GetTreaty", 304, "GET", "/api/treaties/inf", Headers: ("If-None-Match", "{etag}")),
        new("GetTreaty", 404, "GET", "/api/treaties/no-such-treaty"),
        new("GetTreatyStatusAsOf", 200, "GET", "/api/treaties/inf/status?asOf=2019-05-01"),
        new("GetTreatyStatusAsOf", 200, "GET", "/api/treaties/inf/status?asOf=2019-05-01&recordedAt=2030-01-01T00:00:00Z"),
        new("GetTreatyStatusAsOf", 400, "GET", "/api/treaties/inf/status?asOf=01.05.2019"),
        new("GetTreatyStatusAsOf", 404, "GET", "/api/treaties/no-such-treaty/status"),
        new("GetStatusAsOf", 200, "GET", "/api/status?asOf=2019-05-01&page=1&pageSize=5"),
        new("GetStatusAsOf", 400, "GET", "/api/status?pageSize=0"),
        new("CompareRecordings", 200, "GET", "/api/treaties/inf/status/compare?asOf=2019-05-01&recordedAt=2000-01-01T00:00:00Z"),
        new("CompareRecordings", 400, "GET", "/api/treaties/inf/status/compare?asOf=2019-05-01"),
        new("GetCounts", 200, "GET", "/api/treaties/inf/counts?from=1988-01-01&to=1990-01-01&step=P1Y"),
        new("GetCounts", 400, "GET", "/api/treaties/inf/counts?step=yearly"),
        new("GetHistory", 200, "GET", "/api/treaties/new-start/history"),
        new("GetHistory", 404, "GET", "/api/treaties/no-such-treaty/history"),
        new("GetEvents", 200, "GET", "/api/treaties/inf/events"),
        new("GetEvent", 200, "GET", "/api/treaties/inf/events/{event}"),
        new("GetEvent", 404, "GET", "/api/treaties/inf/events/00000000-0000-0000-0000-000000000000"),
        new("GetDiff", 200, "GET", "/api/treaties/inf/diff?from=2018-01-01&to=2020-01-01"),
        new("GetDiff", 400, "GET", "/api/treaties/inf/diff?from=2020-01-01&to=2018-01-01"),
        new("GetTreatyLinks", 200, "GET", "/api/treaties/new-start/links"),
        new("GetState", 200, "GET", "/api/states/Russia?asOf=2019-05-01"),
        new("GetState", 404, "GET", "/api/states/Atlantis"),
        new("GetStates", 200, "GET", "/api/states"),
        new("GetStatusDuring", 200, "GET", "/api/status/during?from=2019-01-01&to=2020-01-01&status=withdrawn"),
        new("GetStatusDuring", 400, "GET", "/api/status/during?from=2020-01-01"),
        new("GetRecord", 200, "GET", "/api/record?since=2000-01-01T00:00:00Z&treaty=inf&pageSize=5"),
        new("GetRecord", 400, "GET", "/api/record?since=yesterday"),
        new("GetAllegations", 200, "GET", "/api/allegations?accused=USSR"),
        new("GetAllegations", 400, "GET", "/api/allegations?from=soon"),
        new("GetDeadlines", 200, "GET", "/api/deadlines?from=2019-01-01&to=2030-01-01"),
        new("GetDeadlines", 400, "GET", "/api/deadlines?from=2030-01-01&to=2019-01-01"),

        new("RegisterTreaty", 201, "POST", "/api/treaties", Register, Role.Editor),
        new("RegisterTreaty", 409, "POST", "/api/treaties", Register.Replace("{new}", "inf"), Role.Editor),
        new("RegisterTreaty", 400, "POST", "/api/treaties", """{"id": "x", "kind": "trilateral"}""", Role.Editor),
        new("RegisterTreaty", 401, "POST", "/api/treaties", Register),
        new("RegisterTreaty", 403, "POST", "/api/treaties", Register, Role.Reader),
        new("RecordEvent", 201, "POST", "/api/treaties/inf/events", Statement, Role.Editor, Headers: ("Idempotency-Key", "contract-test")),
        new("RecordEvent", 422, "POST", "/api/treaties/inf/events", Statement.Replace("2019-02-01", "2019-02-03"), Role.Editor, Headers: ("Idempotency-Key", "contract-test")),
        new("RecordEvent", 409, "POST", "/api/treaties/inf/events", Statement, Role.Editor, Headers: ("If-Match", "\"1\"")),
        new("RecordEvent", 400, "POST", "/api/treaties/inf/events", """{"type": "statement", "on": "tomorrow"}""", Role.Editor),
        new("RecordEvent", 404, "POST", "/api/treaties/no-such-treaty/events", Statement, Role.Editor),
        new("CorrectEvent", 201, "POST", "/api/treaties/inf/events/{event}/correction", $$"""{"reason": "A typo", "event": {{Statement}}}""", Role.Editor),
        new("CorrectEvent", 409, "POST", "/api/treaties/inf/events/{event}/correction", $$"""{"reason": "Stale", "event": {{Statement}}}""", Role.Editor, Headers: ("If-Match", "\"1\"")),
        new("CorrectEvent", 400, "POST", "/api/treaties/inf/events/{event}/correction", """{"reason": ""}""", Role.Editor),
        new("RecordEvent", 201, "POST", "/api/treaties/inf/events", Statement, Role.Editor),
        new("RetractEvent", 201, "POST", "/api/treaties/inf/events/{event}/retraction", """{"reason": "Recorded twice"}""", Role.Editor),
        new("RetractEvent", 400, "POST", "/api/treaties/inf/events/{event}/retraction", """{"reason": "Retracted already"}""", Role.Editor),
        new("RetractEvent", 409, "POST", "/api/treaties/inf/events/{event}/retraction", """{"reason": "Stale"}""", Role.Editor, Headers: ("If-Match", "\"1\"")),
        new("RetractEvent", 404, "POST", "/api/treaties/no-such-treaty/events/{event}/retraction", """{"reason": "No such treaty"}""", Role.Editor),
        new("Import", 200, "POST", "/api/import", """[{"treaty": "inf", "type": "statement", "on": "2019-02-04", "summary": "Imported"}]""", Role.Editor),
        new("Import", 200, "POST", "/api/import", "treaty,type,on,summary\ninf,statement,2019-02-05,Imported as CSV\n", Role.Editor, "text/csv"),
        new("Import", 400, "POST", "/api/import", """[{"treaty": "inf", "type": "statement", "on": "someday"}]""", Role.Editor),
        new("GetApiKeys", 200, "GET", "/api/keys", As: Role.Admin),
        new("GetApiKeys", 401, "GET", "/api/keys"),
        new("GetApiKeys", 403, "GET", "/api/keys", As: Role.Editor),
        new("IssueApiKey", 201, "POST", "/api/keys", """{"name": "contract test", "role": "reader"}""", Role.Admin),
        new("IssueApiKey", 400, "POST", "/api/keys", """{"name": "contract test", "role": "owner"}""", Role.Admin),
        new("RevokeApiKey", 204, "DELETE", "/api/keys/{key}", As: Role.Admin),
        new("RevokeApiKey", 404, "DELETE", "/api/keys/0000000000000000", As: Role.Admin),
        new("GetRecordFeed", 200, "GET", "/api/feeds/record.atom"),
        new("GetTreatyFeed", 200, "GET", "/api/feeds/treaties/inf.atom"),
        new("GetTreatyFeed", 404, "GET", "/api/feeds/treaties/no-such-treaty.atom"),
        new("GetStateFeed", 200, "GET", "/api/feeds/states/USSR.atom"),
        new("GetStateFeed", 404, "GET", "/api/feeds/states/Atlantis.atom"),
        new("RegisterWebhook", 201, "POST", "/api/webhooks", Subscribe, Role.Admin),
        new("RegisterWebhook", 400, "POST", "/api/webhooks", """{"callbackUrl": "ftp://127.0.0.1/hook"}""", Role.Admin),
        new("RegisterWebhook", 401, "POST", "/api/webhooks", Subscribe),
        new("RegisterWebhook", 403, "POST", "/api/webhooks", Subscribe, Role.Editor),
        new("GetWebhooks", 200, "GET", "/api/webhooks", As: Role.Admin),
        new("GetWebhooks", 403, "GET", "/api/webhooks", As: Role.Editor),
        new("GetWebhook", 200, "GET", "/api/webhooks/{webhook}", As: Role.Admin),
        new("GetWebhookDeliveries", 200, "GET", "/api/webhooks/{webhook}/deliveries", As: Role.Admin),
        new("DeleteWebhook", 204, "DELETE", "/api/webhooks/{webhook}", As: Role.Admin),
        new("GetWebhook", 404, "GET", "/api/webhooks/{webhook}", As: Role.Admin),
        new("GetWebhookDeliveries", 404, "GET", "/api/webhooks/{webhook}/deliveries", As: Role.Admin),
        new("DeleteWebhook", 404, "DELETE", "/api/webhooks/{webhook}", As: Role.Admin),
        new("StreamChanges", 0, "GET", "/api/changes"),
    ];

    /// <summary>Operations checked otherwise, with the reason.</summary>
    private static readonly Dictionary<string, string> NotThroughPrism = new()
    {
        ["StreamChanges"] = "an event stream never ends, and Prism validates whole bodies (the live feed's own tests cover it)"
    };

    [Fact]
    public async Task every_operation_of_the_contract_is_exercised()
    {
        using var contract = JsonDocument.Parse(await prism.Server.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var operations = contract.RootElement.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.TryGetProperty("operationId", out _))
            .Select(operation => operation.Value.GetProperty("operationId").GetString()!).ToHashSet();
        var exercised = Exchanges.Select(exchange => exchange.Operation).ToHashSet();

        Assert.Empty(operations.Except(exercised));
        Assert.Empty(exercised.Except(operations));
    }

    [Fact]
    public async Task every_answer_matches_the_document()
    {
        var keys = new Dictionary<Role, string>();
        foreach (var role in new[] { Role.Reader, Role.Editor, Role.Admin }) keys[role] = await prism.Server.IssueKeyAsync(role, $"contract test {role}");
        var revoked = (await prism.Server.IssueKeyAsync(Role.Reader, "contract test, revoked")).Split('_')[1];
        var newTreaty = $"contract-{Guid.NewGuid():N}"[..20];
        var events = JsonDocument.Parse(await prism.Server.Client.GetStringAsync("/api/treaties/inf/events", TestContext.Current.CancellationToken));
        var etag = (await prism.Server.Client.GetAsync("/api/treaties/inf", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;
        string? lastStatement = null, webhook = null;

        var mismatches = new List<string>();
        foreach (var exchange in Exchanges.Where(exchange => !NotThroughPrism.ContainsKey(exchange.Operation)))
        {
            var eventId = lastStatement ?? events.RootElement.EnumerateArray().First().GetProperty("id").GetString()!;
            string Fill(string text) => text.Replace("{new}", newTreaty).Replace("{event}", eventId).Replace("{key}", revoked).Replace("{etag}", etag).Replace("{webhook}", webhook);

            using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), Fill(exchange.Path));
            if (exchange.Body is not null) request.Content = new StringContent(Fill(exchange.Body), Encoding.UTF8, exchange.ContentType);
            if (exchange.As is { } role) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys[role]);
            foreach (var (name, value) in exchange.Headers) request.Headers.TryAddWithoutValidation(name, Fill(value));

            using var response = await prism.Client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var said = $"{exchange.Method} {request.RequestUri} ({exchange.Operation})";
            if ((int)response.StatusCode != exchange.Status)
                mismatches.Add($"{said}: {(int)response.StatusCode}, not {exchange.Status}: {body[..Math.Min(body.Length, 300)]}");
            // A request meant to be refused departs from the document on purpose: only the answer must not.
            var meantToSucceed = exchange.Status < 400;
            mismatches.AddRange(PrismProxy.ViolationsOf(response).Where(v => v.InResponse || meantToSucceed).Select(v => $"{said}: {v}"));
            if (exchange is { Operation: "RecordEvent", Status: 201 })
                lastStatement = JsonDocument.Parse(body).RootElement.GetProperty("eventId").GetString();
            if (exchange is { Operation: "RegisterWebhook", Status: 201 })
                webhook = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + $"\nPrism:\n{prism.Output}");
    }
}
