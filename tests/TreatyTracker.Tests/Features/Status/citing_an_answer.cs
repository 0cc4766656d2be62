using System.Net;
using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

/// <summary>Every status answer carries a permalink fixing both times, and a citation to paste.</summary>
public class citing_an_answer(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_permalink_opened_after_new_events_gives_exactly_the_answer_it_gave_before()
    {
        await Api.BilateralTreatyInForce("inf");
        var answer = await Api.GetAsync("/api/treaties/inf/status?asOf=2019-05-01");
        var permalink = answer.Text("permalink");
        var then = await Api.GetAsync(permalink);

        await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}""");
        var later = await Api.GetAsync(permalink);

        Assert.Equal(HttpStatusCode.OK, then.Status);
        Assert.True(JsonNode.DeepEquals(then.Body, later.Body), $"{then.Body?.ToJsonString()}\n{later.Body?.ToJsonString()}");
        Assert.Equal("party", later.Text("parties[1].status"));
        Assert.Equal("suspended", (await Api.GetAsync("/api/treaties/inf/status?asOf=2019-05-01")).Text("parties[1].status"));
        Assert.Equal(permalink, then.Text("permalink"));
        Assert.Equal(answer.Body.At("parties")!.ToJsonString(), then.Body.At("parties")!.ToJsonString());
    }

    [Fact]
    public async Task the_citation_names_the_treaty_both_times_and_the_permalink_and_every_page_of_every_treaty_has_one()
    {
        await Api.BilateralTreatyInForce("inf");

        var answer = await Api.GetAsync("/api/treaties/inf/status?asOf=2019-05-01");
        var recordedThrough = answer.Body.At("recordedThrough")!.GetValue<DateTimeOffset>();

        Assert.Equal($"TreatyTracker, status of the inf on 2019-05-01 as recorded at {recordedThrough.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {answer.Text("permalink")}",
            answer.Text("citation"));
        var page = (await Api.GetAsync("/api/status?asOf=2019-05-01")).Body.At("treaties")!.AsArray();
        Assert.Equal(answer.Text("permalink"), page.Single()!["permalink"]!.GetValue<string>());
    }
}
