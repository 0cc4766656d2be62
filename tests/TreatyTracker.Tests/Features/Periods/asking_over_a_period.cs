using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Periods;

/// <summary>Which treaties and parties held a status at any time in a period [from, to), with the intervals that overlap it.</summary>
public class asking_over_a_period(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task RecordAsync()
    {
        await Api.BilateralTreatyInForce("inf");
        await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}""");
        await Api.Recorded("inf", """{"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States"}""");
        await Api.BilateralTreatyInForce("new-start", notice: "P3M");
        await Api.Recorded("new-start", """{"type":"participation-suspended","on":"2023-02-28","party":"Russia"}""");
    }

    [Fact]
    public async Task every_party_suspended_at_some_time_in_the_period_is_found_with_its_interval()
    {
        await RecordAsync();

        var page = await Api.GetAsync("/api/status/during?from=2019-01-01&to=2024-01-01&status=suspended");

        var intervals = page.Body.At("intervals")!.AsArray();
        Assert.Equal([("inf", "Russia", "2019-03-04", "2019-08-02"), ("new-start", "Russia", "2023-02-28", null)],
            intervals.Select(i => (i!["treatyId"]!.GetValue<string>(), i["party"]!.GetValue<string>(), i["from"]!.GetValue<string>(), i["to"]?.GetValue<string>())));
    }

    [Fact]
    public async Task the_period_is_half_open_and_the_treaty_and_state_filters_narrow_it()
    {
        await RecordAsync();

        Assert.Empty((await Api.GetAsync("/api/status/during?from=2019-01-01&to=2019-03-04&status=suspended")).Body.At("intervals")!.AsArray());
        Assert.Empty((await Api.GetAsync("/api/status/during?from=2019-08-02&to=2020-01-01&status=suspended&treaty=inf")).Body.At("intervals")!.AsArray());
        var treatyOnly = (await Api.GetAsync("/api/status/during?from=2019-01-01&to=2024-01-01&status=terminated")).Body.At("intervals")!.AsArray();
        Assert.Equal(["inf/Russia", "inf/"], treatyOnly.Select(i => $"{i!["treatyId"]}/{i["party"]}"));
        var us = (await Api.GetAsync("/api/status/during?from=2019-01-01&to=2024-01-01&state=United%20States")).Body.At("intervals")!.AsArray();
        Assert.All(us, i => Assert.Equal("United States", i!["party"]!.GetValue<string>()));
        Assert.Contains(us, i => i!["status"]!.GetValue<string>() == "withdrawing" && i["effectiveOn"]!.GetValue<string>() == "2019-08-02");
    }

    [Theory]
    [InlineData("to=2020-01-01", "from")]
    [InlineData("from=2020-01-01", "to")]
    [InlineData("from=2020-01-01&to=2020-01-01", "to")]
    [InlineData("from=2020-01-01&to=2021-01-01&status=sleeping", "status")]
    [InlineData("from=2020-01-01&to=2021-01-01&pageSize=0", "pageSize")]
    public async Task a_malformed_question_is_refused_with_the_parameter_named(string query, string parameter)
    {
        var refused = await Api.GetAsync($"/api/status/during?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body.At($"errors.{parameter}"));
    }
}
