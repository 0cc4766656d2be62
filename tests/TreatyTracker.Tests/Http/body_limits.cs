using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TreatyTracker.Http;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http;

/// <summary>Kestrel's body limits are only real on the real server, so these run against its process.</summary>
public class body_limits(EmptyRunningServer server) : IClassFixture<EmptyRunningServer>
{
    private async Task<(HttpStatusCode Status, string? ContentType)> PostAsync(string url, string body, string contentType, string? idempotencyKey = null)
    {
        using var client = await server.EditorClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        // Lets the server answer 413 before the client has sent it all (else the client may see a broken pipe instead).
        request.Headers.ExpectContinue = true;
        if (idempotencyKey is not null) request.Headers.Add(IdempotencyMiddleware.Header, idempotencyKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }

    private static string StatementOf(int bytes) =>
        $$"""{"type":"statement","on":"2019-01-01","by":"Russia","summary":"{{new string('a', bytes)}}"}""";

    [Fact]
    public async Task a_body_over_the_limit_gets_a_413_problem_with_or_without_an_idempotency_key_and_nothing_is_stored()
    {
        using var editor = await server.EditorClientAsync();
        var api = new TreatyApi(editor);
        await api.BilateralTreatyInForce("big");
        var before = (await api.GetAsync("/api/treaties/big/events")).Body!.AsArray().Count;
        var tooLarge = StatementOf((int)RequestLimits.MaxBodyBytes + 1);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), await PostAsync("/api/treaties/big/events", tooLarge, "application/json"));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), await PostAsync("/api/treaties/big/events", tooLarge, "application/json", "big-1"));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"),
            await PostAsync("/api/import", new string('x', (int)RequestLimits.MaxImportBodyBytes + 1), "text/csv"));

        Assert.Equal(before, (await api.GetAsync("/api/treaties/big/events")).Body!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Created, (await api.RecordAsync("big", StatementOf(100))).Status);
    }

    [Fact]
    public async Task an_import_may_be_larger_than_a_single_event()
    {
        var rows = new JsonArray
        {
            new JsonObject { ["treaty"] = "bulk", ["type"] = "treaty-registered", ["name"] = "Bulk treaty", ["shortName"] = "Bulk", ["kind"] = "bilateral", ["withdrawalNoticePeriod"] = "P6M" },
            new JsonObject { ["treaty"] = "bulk", ["type"] = "signed", ["on"] = "1999-12-01", ["parties"] = new JsonArray("United States", "Russia") }
        };
        for (var day = 0; day < 1500; day++)
            rows.Add(new JsonObject
            {
                ["treaty"] = "bulk", ["type"] = "statement", ["on"] = new DateOnly(2000, 1, 1).AddDays(day).ToString("yyyy-MM-dd"),
                ["by"] = "Russia", ["summary"] = new string('s', 900)
            });
        var body = rows.ToJsonString();
        Assert.True(body.Length > RequestLimits.MaxBodyBytes);

        Assert.Equal((HttpStatusCode.OK, "application/json"), await PostAsync("/api/import", body, "application/json"));
    }
}
