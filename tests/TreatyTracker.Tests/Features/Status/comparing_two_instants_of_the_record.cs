using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

/// <summary>The same treaty and day as the record answered it at one instant and at another.</summary>
public class comparing_two_instants_of_the_record(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_fact_recorded_between_the_instants_shows_as_a_change_of_standing()
    {
        await Api.BilateralTreatyInForce("inf");
        var before = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray()[^1]!["recordedAt"]!.GetValue<DateTimeOffset>();
        await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}""");

        var comparison = await Api.GetAsync($"/api/treaties/inf/status/compare?asOf=2019-05-01&recordedAt={Uri.EscapeDataString(before.ToString("O"))}");

        Assert.Equal(HttpStatusCode.OK, comparison.Status);
        Assert.Equal(("party", "suspended"), (comparison.Text("then.parties[1].status"), comparison.Text("now.parties[1].status")));
        var change = Assert.Single(comparison.Body.At("changes")!.AsArray())!;
        Assert.Equal(("Russia", "party", "suspended", "2019-03-04"),
            (change["party"]!.GetValue<string>(), change["then"]!.GetValue<string>(), change["now"]!.GetValue<string>(), change["sinceNow"]!.GetValue<string>()));
    }

    [Fact]
    public async Task the_earlier_instant_is_required_and_an_unknown_treaty_is_not_found()
    {
        await Api.BilateralTreatyInForce("inf");

        Assert.Equal(HttpStatusCode.BadRequest, (await Api.GetAsync("/api/treaties/inf/status/compare?asOf=2019-05-01")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/treaties/nowhere/status/compare?recordedAt=2020-01-01T00:00:00Z")).Status);
    }
}
