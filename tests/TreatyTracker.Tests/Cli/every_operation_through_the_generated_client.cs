using System.Text.Json.Nodes;
using TreatyTracker.Cli;
using TreatyTracker.Cli.Api;
using TreatyTracker.Tests.Features.Webhooks;
using TreatyTracker.Tests.Infrastructure;
using Xunit;
using ApiRole = TreatyTracker.Cli.Api.Role;
using Role = TreatyTracker.Features.Keys.Role;

namespace TreatyTracker.Tests.Cli;

/// <summary>
/// Every operation of the committed OpenAPI document, called through the generated client against a real seeded server,
/// with answers read as the client's types, and the refusals it must surface as typed problems.
/// </summary>
public class every_operation_through_the_generated_client(every_operation_through_the_generated_client.Server server)
    : IClassFixture<every_operation_through_the_generated_client.Server>
{
    /// <summary>A seeded server that lets a webhook call back on loopback, where the test's receiver listens.</summary>
    public sealed class Server : RunningServer
    {
        public Server(PostgresServer postgres) : base(postgres) =>
            Settings = new Dictionary<string, string> { ["TreatyTracker:Webhooks:AllowPrivateAddresses"] = "true" };
    }

    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    private async Task<TreatyClient> AdminAsync() => new(server.Address, await server.IssueKeyAsync(Role.Admin, "generated-client tests"));

    [Fact]
    public async Task this_test_calls_every_operation_of_the_document()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Http", "openapi.v1.json"), Cancel))!;
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Cli", $"{nameof(every_operation_through_the_generated_client)}.cs"), Cancel);

        var operations = document["paths"]!.AsObject()
            .Where(path => !the_generated_client.Streams(path.Value!))
            .SelectMany(path => path.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>())).ToList();

        Assert.NotEmpty(operations);
        var uncalled = operations.Where(id => !source.Contains($".{id}Async(")).ToList();
        Assert.True(uncalled.Count == 0, $"No call through the generated client in this test for: {string.Join(", ", uncalled)}");
    }

    [Fact]
    public async Task the_reads_answer_with_the_seeded_record()
    {
        using var client = await AdminAsync();
        var api = client.Api;
        var may2019 = new DateOnly(2019, 5, 1);

        var inf = await api.GetTreatyStatusAsOfAsync("inf", may2019, cancellationToken: Cancel);
        Assert.Equal(TreatyStatus.InForce, inf.Status);
        Assert.Contains(inf.Parties, p => p.Status == PartyStatus.Withdrawing && p.EffectiveOn == new DateOnly(2019, 8, 2));

        var everything = await api.GetStatusAsOfAsync(may2019, page: 1, pageSize: 1000, cancellationToken: Cancel);
        // The writes below add treaties of their own to this server.
        Assert.Equal(Seeds.TreatyIds, everything.Treaties.Select(t => t.TreatyId).Where(Seeds.TreatyIds.Contains));
        Assert.Equal(Seeds.TreatyIds, (await api.GetTreatiesAsync(cancellationToken: Cancel)).Select(t => t.Id).Where(Seeds.TreatyIds.Contains).Order(StringComparer.Ordinal));
        Assert.Equal("INF Treaty", (await api.GetTreatyAsync("inf", cancellationToken: Cancel)).ShortName);

        var history = await api.GetHistoryAsync("inf", cancellationToken: Cancel);
        Assert.Equal(TreatyStatus.Terminated, history.Intervals.Last().Status);
        var events = await api.GetEventsAsync("inf", cancellationToken: Cancel);
        var signed = Assert.IsType<TreatyEventSigned>(events.First().Event);
        Assert.Equal(["United States", "USSR"], signed.Parties);
        Assert.Equal(events.First().Id, (await api.GetEventAsync("inf", events.First().Id, cancellationToken: Cancel)).Id);

        var diff = await api.GetDiffAsync("inf", new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), cancellationToken: Cancel);
        Assert.Equal((TreatyStatus.InForce, TreatyStatus.Terminated), (diff.StatusOnFrom, diff.StatusOnTo));
        Assert.Contains(diff.Transitions, t => t.Cause is { Type: "withdrawal-notice-given" } cause && cause.On == new DateOnly(2019, 2, 2));

        var counts = await api.GetCountsAsync("inf", new DateOnly(1988, 1, 1), new DateOnly(2020, 1, 1), cancellationToken: Cancel);
        Assert.Contains(counts.Points, p => p.TreatyStatus == "in-force");
        var compared = await api.CompareRecordingsAsync("inf", may2019, events.First().RecordedAt, cancellationToken: Cancel);
        Assert.Equal((TreatyStatus.InForce, events.First().RecordedAt), (compared.Now.Status, compared.RecordedAt));
        Assert.Contains(await api.GetTreatyLinksAsync("start-ii", cancellationToken: Cancel), l => l is { Relation: LinkReading.Answers, Treaty: "abm" });

        Assert.All(await api.GetAllegationsAsync(accuser: "Russia", cancellationToken: Cancel), a => Assert.Equal("Russia", a.Accuser));
        Assert.Contains(await api.GetDeadlinesAsync(new DateOnly(2019, 1, 1), new DateOnly(2026, 12, 31), cancellationToken: Cancel), d => d.TreatyId == "open-skies");
        Assert.Contains(await api.GetStatesAsync(cancellationToken: Cancel), s => s.Name == "Russia" && s.Treaties > 0);
        var russia = await api.GetStateAsync("Russia", new DateOnly(2023, 3, 1), cancellationToken: Cancel);
        Assert.Contains(russia.Treaties, t => t.TreatyId == "new-start" && t.Status == "suspended");
        Assert.True(russia.AllegationsAgainst.Count > 0 && russia.AllegationsAgainst.Newest.Count == Math.Min(20, russia.AllegationsAgainst.Count));
        Assert.Equal(russia.AllegationsAgainst.Count, (await api.GetAllegationsAsync(accused: "Russia", to: new DateOnly(2023, 3, 1), cancellationToken: Cancel)).Count);
        var suspended = await api.GetStatusDuringAsync(new DateOnly(2019, 1, 1), new DateOnly(2024, 1, 1), "suspended", cancellationToken: Cancel);
        Assert.Contains(suspended.Intervals, i => i.TreatyId == "new-start");
        var record = await api.GetRecordAsync(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), treaty: "inf", cancellationToken: Cancel);
        Assert.NotEmpty(record.Entries);
        Assert.All(record.Entries, e => Assert.Equal("inf", e.TreatyId));
    }

    [Fact]
    public async Task the_writes_record_correct_retract_and_import()
    {
        using var client = await AdminAsync();
        var api = client.Api;

        var registered = await api.RegisterTreatyAsync(new RegisterTreatyRequest
            { Id = "client-pact", Name = "Generated-client pact", ShortName = "GC pact", Kind = TreatyKind.Bilateral, WithdrawalNoticePeriod = "P6M" }, cancellationToken: Cancel);
        Assert.Equal("client-pact", registered.Id);
        var signed = await api.RecordEventAsync("client-pact", new RecordEventRequest { Type = "signed", On = new DateOnly(2020, 1, 1), Parties = ["Aland", "Borduria"] },
            cancellationToken: Cancel);
        var statement = await api.RecordEventAsync("client-pact", new RecordEventRequest { Type = "statement", On = new DateOnly(2020, 2, 1), By = "Aland", Summary = "First" },
            cancellationToken: Cancel);
        Assert.Equal(signed.Version + 1, statement.Version);

        var corrected = await api.CorrectEventAsync("client-pact", statement.EventId, new CorrectionRequest
            { Reason = "Wrong day", Event = new RecordEventRequest { Type = "statement", On = new DateOnly(2020, 2, 2), By = "Aland", Summary = "First" } }, cancellationToken: Cancel);
        var retracted = await api.RetractEventAsync("client-pact", corrected.Correction.EventId, new RetractionRequest { Reason = "Not a statement after all" },
            cancellationToken: Cancel);
        var events = await api.GetEventsAsync("client-pact", cancellationToken: Cancel);
        Assert.Equal(retracted.EventId, events.Last().Id);
        Assert.IsType<TreatyEventEventRetracted>(events.Last().Event);
        Assert.All(events.Where(e => e.Id == statement.EventId || e.Id == corrected.Correction.EventId), e => Assert.True(e.Retracted));

        var imported = await api.ImportAsync([
            new ImportRow { Treaty = "client-import", Type = "treaty-registered", Kind = "multilateral",
                AdditionalProperties = new Dictionary<string, object> { ["name"] = "Imported pact", ["shortName"] = "IP" } },
            new ImportRow { Treaty = "client-import", Type = "signed", On = new DateOnly(2021, 3, 1), Parties = ["Aland", "Borduria", "Carpania"] },
        ], cancellationToken: Cancel);
        Assert.Equal((2, 1, 1), (imported.Rows, imported.TreatiesRegistered, imported.EventsRecorded));
        Assert.Equal(TreatyStatus.Signed, (await api.GetTreatyStatusAsOfAsync("client-import", new DateOnly(2021, 3, 2), cancellationToken: Cancel)).Status);
    }

    [Fact]
    public async Task keys_are_issued_listed_and_revoked()
    {
        using var client = await AdminAsync();
        var api = client.Api;

        var issued = await api.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "a reader", Role = ApiRole.Reader }, cancellationToken: Cancel);
        Assert.StartsWith("tt_", issued.Key);
        Assert.Contains(await api.GetApiKeysAsync(cancellationToken: Cancel), k => k.Id == issued.Id && k is { Role: ApiRole.Reader, RevokedAt: null });

        await api.RevokeApiKeyAsync(issued.Id, cancellationToken: Cancel);
        Assert.Contains(await api.GetApiKeysAsync(cancellationToken: Cancel), k => k.Id == issued.Id && k.RevokedAt is not null);
    }

    [Fact]
    public async Task refusals_are_typed_problems()
    {
        using var client = await AdminAsync();
        var api = client.Api;

        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => api.GetTreatyAsync("no-such-treaty", cancellationToken: Cancel));
        Assert.Equal((404, 404), (unknown.StatusCode, unknown.Result.Status));

        var notAParty = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            api.RecordEventAsync("inf", new RecordEventRequest { Type = "ratified", On = new DateOnly(2019, 1, 1), Party = "France" }, cancellationToken: Cancel));
        Assert.Equal(400, notAParty.StatusCode);
        Assert.Contains(notAParty.Result.Errors.SelectMany(e => e.Value), m => m.Contains("'France' is not a signatory or party"));

        var statement = new RecordEventRequest { Type = "statement", On = new DateOnly(2026, 4, 1), By = "Russia", Summary = "Once" };
        await api.RecordEventAsync("new-start", statement, idempotency_Key: "generated-client-422", cancellationToken: Cancel);
        var reused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            api.RecordEventAsync("new-start", new RecordEventRequest { Type = "statement", On = new DateOnly(2026, 4, 2), By = "Russia", Summary = "Another" },
                idempotency_Key: "generated-client-422", cancellationToken: Cancel));
        Assert.Equal(422, reused.StatusCode);

        var history = await api.GetHistoryAsync("new-start", cancellationToken: Cancel);
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => api.RetractEventAsync("new-start", history.Events.Last().Id,
            new RetractionRequest { Reason = "Stale", Version = history.Version - 1 }, cancellationToken: Cancel));
        Assert.Equal(409, stale.StatusCode);

        var rows = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => api.ImportAsync([new ImportRow { Treaty = "inf", Type = "ratified", On = new DateOnly(2019, 2, 28), Party = "France" }],
            cancellationToken: Cancel));
        Assert.Equal(1, Assert.Single(rows.Result.Rows).Line);
    }

    private static async Task<string> TextOf(Task<FileResponse> answer)
    {
        using var file = await answer;
        return await new StreamReader(file.Stream).ReadToEndAsync(Cancel);
    }

    [Fact]
    public async Task the_feeds_are_atom_and_a_webhook_is_registered_delivered_and_deleted()
    {
        using var client = await AdminAsync();
        var api = client.Api;

        Assert.Equal(System.Xml.Linq.XName.Get("feed", "http://www.w3.org/2005/Atom"),
            System.Xml.Linq.XDocument.Parse(await TextOf(api.GetRecordFeedAsync(cancellationToken: Cancel))).Root!.Name);
        Assert.Contains("INF Treaty", await TextOf(api.GetTreatyFeedAsync("inf", cancellationToken: Cancel)));
        Assert.Contains("New START", await TextOf(api.GetStateFeedAsync("USSR", cancellationToken: Cancel)));

        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await api.RegisterWebhookAsync(body: new SubscribeRequest { CallbackUrl = receiver.Url(), Treaty = "new-start", EventTypes = ["statement"] },
            cancellationToken: Cancel);
        Assert.False(string.IsNullOrEmpty(created.Secret));
        Assert.Contains(await api.GetWebhooksAsync(cancellationToken: Cancel), w => w.Id == created.Id);
        Assert.Equal("new-start", (await api.GetWebhookAsync(created.Id, cancellationToken: Cancel)).Filter.Treaty);

        var statement = await api.RecordEventAsync("new-start", new RecordEventRequest { Type = "statement", On = new DateOnly(2026, 5, 1), By = "Russia", Summary = "Heard" },
            cancellationToken: Cancel);
        await receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(statement.EventId.ToString())), "the statement's delivery");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ICollection<DeliveryListed> deliveries;
        while (!(deliveries = await api.GetWebhookDeliveriesAsync(created.Id, cancellationToken: Cancel)).Any(d => d.State == DeliveryState.Delivered) && DateTime.UtcNow < deadline)
            await Task.Delay(200, Cancel);
        Assert.Contains(deliveries, d => d.State == DeliveryState.Delivered && d.EventIds.Contains(statement.EventId));

        await api.DeleteWebhookAsync(created.Id, cancellationToken: Cancel);
        var gone = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => api.GetWebhookAsync(created.Id, cancellationToken: Cancel));
        Assert.Equal(404, gone.StatusCode);
    }
}
