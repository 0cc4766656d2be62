using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

public class reading_treaties(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_list_gives_every_treaty_s_current_status()
    {
        await Api.BilateralTreatyInForce("treaty-b");
        await Api.BilateralTreatyInForce("treaty-a", "P3M", "P10Y");

        var treaties = (await Api.GetAsync("/api/treaties")).Body!.AsArray();

        Assert.Equal(["treaty-a", "treaty-b"], treaties.Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal("expired", treaties[0]!["status"]!.GetValue<string>());
        Assert.Equal("1998-06-01", treaties[0]!["since"]!.GetValue<string>());
        Assert.Equal("in-force", treaties[1]!["status"]!.GetValue<string>());
        Assert.Equal(2, treaties[1]!["parties"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_withdrawal_due_in_the_future_is_a_pending_deadline_of_the_current_status()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Api.MultilateralTreatyWithNoticeFromA("future", today.AddDays(-1));

        var treaty = await Api.GetAsync("/api/treaties/future");

        Assert.Equal("withdrawing", treaty.Text("parties[0].status"));
        Assert.Equal($"{today.AddDays(-1).AddYears(1):yyyy-MM-dd}", treaty.Text("pendingDeadlines[0].on"));
        Assert.Equal("withdrawal-takes-effect", treaty.Text("pendingDeadlines[0].kind"));
    }

    [Theory]
    [InlineData("/api/treaties/nope")]
    [InlineData("/api/treaties/nope/history")]
    [InlineData("/api/treaties/nope/events")]
    public async Task an_unknown_treaty_is_a_404_problem(string url)
    {
        var response = await Api.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task health_reports_the_database_and_openapi_describes_the_api()
    {
        var health = await Host.Server.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var openApi = await Api.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.Status);
        var paths = openApi.Body.At("paths")!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/treaties", paths);
        Assert.Contains("/api/treaties/{id}/events", paths);
        Assert.Contains("/api/treaties/{id}/history", paths);
    }
}
