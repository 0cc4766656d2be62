using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Store;
using Xunit;

namespace TreatyTracker.Tests.Store;

public class rebuilding_the_read_models(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string[] Questions =
    [
        "/api/status?asOf=2019-05-01", "/api/status?asOf=2023-06-01", "/api/status?asOf=1990-01-01",
        "/api/treaties", "/api/treaties/inf/history", "/api/treaties/open-skies/history", "/api/treaties/new-start/events",
        "/api/allegations", "/api/deadlines?from=1900-01-01", "/api/treaties/inf/diff?from=2019-01-01&to=2019-12-31",
        "/api/states", "/api/states/USSR?asOf=1990-01-01", "/api/states/Russia?asOf=2023-06-01",
        "/api/status/during?from=1900-01-01&to=2100-01-01&pageSize=1000", "/api/record?since=1900-01-01T00:00:00Z&pageSize=1000",
        "/api/treaties/new-start/links"
    ];

    [Fact]
    public async Task gives_identical_answers_and_the_treaties_stay_writable()
    {
        await Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);
        var wrong = await Api.Recorded("inf", """{"type":"statement","on":"2019-01-01","summary":"to be retracted"}""");
        await Api.PostAsync($"/api/treaties/inf/events/{wrong.Text("eventId")}/retraction", """{"reason":"test"}""");
        var before = await Api.AnswersAsync(Questions);

        await Host.RebuildReadModelsAsync();

        Scenarios.AssertSameAnswers(before, await Api.AnswersAsync(Questions), "after the rebuild");
        Assert.Equal(HttpStatusCode.Created, (await Api.RecordAsync("new-start", """{"type":"statement","on":"2026-03-01"}""")).Status);
    }
}
