using System.Net;
using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

/// <summary>For a multilateral treaty, how many parties stood in each status, day by day: the same as the status on each of those days.</summary>
public class counting_the_parties_over_time(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task each_point_counts_what_the_status_on_that_day_answers()
    {
        await Api.MultilateralTreatyWithNoticeFromA("open-skies", new DateOnly(2020, 11, 22));

        var counts = await Api.GetAsync("/api/treaties/open-skies/counts?from=2020-01-01&to=2022-01-01&step=P3M");

        var points = counts.Body.At("points")!.AsArray();
        Assert.Equal(["2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01", "2021-01-01", "2021-04-01", "2021-07-01", "2021-10-01"],
            points.Select(p => p!["on"]!.GetValue<string>()));
        foreach (var point in points)
        {
            var status = await Api.GetAsync($"/api/treaties/open-skies/status?asOf={point!["on"]}");
            var expected = status.Body.At("parties")!.AsArray().GroupBy(p => p!["status"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.OrderBy(e => e.Key), point["parties"]!.AsObject().Select(c => KeyValuePair.Create(c.Key, c.Value!.GetValue<int>())));
            Assert.Equal(status.Text("status"), point["treatyStatus"]!.GetValue<string>());
        }
        Assert.Equal(3, points[0]!["parties"]!["signatory"]!.GetValue<int>());
        Assert.Equal((2, 1), (points[^1]!["parties"]!["party"]!.GetValue<int>(), points[^1]!["parties"]!["withdrawing"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("step=P0D", "step")]
    [InlineData("step=yearly", "step")]
    [InlineData("from=2021-01-01&to=2020-01-01", "from")]
    public async Task a_malformed_question_is_refused_with_the_parameter_named(string query, string parameter)
    {
        await Api.MultilateralTreatyWithNoticeFromA("open-skies", new DateOnly(2020, 11, 22));

        var refused = await Api.GetAsync($"/api/treaties/open-skies/counts?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body.At($"errors.{parameter}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/treaties/nowhere/counts")).Status);
    }
}
