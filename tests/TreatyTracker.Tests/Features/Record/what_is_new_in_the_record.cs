using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Record;

/// <summary>"What has changed since my last briefing": everything recorded after an instant, across treaties, newest first.</summary>
public class what_is_new_in_the_record(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private async Task<DateTimeOffset> LastRecordedAtAsync(string treaty) =>
        (await Api.GetAsync($"/api/treaties/{treaty}/events")).Body!.AsArray()[^1]!["recordedAt"]!.GetValue<DateTimeOffset>();

    [Fact]
    public async Task events_recorded_after_the_instant_come_newest_first_with_retractions_and_the_states_they_name()
    {
        await Api.BilateralTreatyInForce("inf");
        var briefing = await LastRecordedAtAsync("inf");
        var suspension = await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}""");
        await Api.BilateralTreatyInForce("new-start", notice: "P3M");
        await Api.Recorded("inf", $$"""{"type":"event-retracted","on":"2019-04-01","eventId":"{{suspension.Text("eventId")}}","reason":"recorded in error"}""");

        var page = await Api.GetAsync($"/api/record?since={Instant(briefing)}");

        var entries = page.Body.At("entries")!.AsArray();
        Assert.Equal(["inf:event-retracted", "new-start:entered-into-force", "new-start:signed", "inf:participation-suspended"],
            entries.Select(e => $"{e!["treatyId"]}:{e["type"]}"));
        Assert.Equal(suspension.Text("eventId"), entries[0]!["event"]!["eventId"]!.GetValue<string>());
        Assert.Equal(["Russia"], entries[0]!["states"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task until_the_treaty_and_the_state_narrow_it_and_pages_follow_each_other()
    {
        await Api.BilateralTreatyInForce("inf");
        var start = await LastRecordedAtAsync("inf");
        await Api.Recorded("inf", """{"type":"violation-alleged","on":"2014-07-29","accuser":"United States","accused":"Russia"}""");
        var middle = await LastRecordedAtAsync("inf");
        await Api.Recorded("inf", """{"type":"statement","on":"2015-01-01","by":"United States"}""");
        await Api.MultilateralTreatyWithNoticeFromA("open-skies", new DateOnly(2020, 11, 22));

        Assert.Equal(["violation-alleged"], Types(await Api.GetAsync($"/api/record?since={Instant(start)}&until={Instant(middle)}")));
        Assert.Equal(["statement", "violation-alleged"], Types(await Api.GetAsync($"/api/record?since={Instant(start)}&treaty=inf")));
        Assert.Equal(["violation-alleged"], Types(await Api.GetAsync($"/api/record?since={Instant(start)}&state=Russia")));
        var first = Types(await Api.GetAsync($"/api/record?since={Instant(start)}&pageSize=2"));
        var second = Types(await Api.GetAsync($"/api/record?since={Instant(start)}&pageSize=2&page=2"));
        Assert.Equal(Types(await Api.GetAsync($"/api/record?since={Instant(start)}")).Take(4), [.. first, .. second]);
    }

    [Theory]
    [InlineData("", "since")]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-11-01T00:00:00Z&until=2026-10-01T00:00:00Z", "until")]
    public async Task a_malformed_question_is_refused_with_the_parameter_named(string query, string parameter)
    {
        var refused = await Api.GetAsync($"/api/record?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body.At($"errors.{parameter}"));
    }

    private static string[] Types(ApiResponse page) => page.Body.At("entries")!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToArray();
}
