using System.Net;
using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

/// <summary>
/// Every answer that depends on a day or on the record's time carries an absolute permalink that fixes both, and a citation
/// to paste: opened after new events, the permalink gives exactly the answer it gave before.
/// </summary>
public class citing_an_answer(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>A notice from B, recorded after the question was first answered: it changes every answer below.</summary>
    private const string NewEvent = """{"type":"withdrawal-notice-given","on":"2021-01-04","party":"B"}""";

    public static TheoryData<string, string> Answers => new()
    {
        { "/api/treaties/os/status?asOf=2021-06-01", "status of the os on 2021-06-01" },
        { "/api/status?asOf=2021-06-01", "every treaty's status on 2021-06-01 (page 1)" },
        { "/api/treaties/os/status/compare?asOf=2021-06-01&recordedAt={registered}", "status of the os on 2021-06-01 as recorded at {registered-utc} UTC, compared with the same" },
        { "/api/states/B?asOf=2021-06-01", "B's treaties on 2021-06-01" },
        { "/api/treaties/os/counts?step=P1Y", "parties of the os by status, 2020-01-01 to {tomorrow} every P1Y" },
        { "/api/treaties/os/history", "history of the os" },
        { "/api/treaties/os/diff?from=2020-01-01&to=2022-01-01", "what changed in the os after 2020-01-01 up to 2022-01-01" },
        { "/api/record?since=2000-01-01T00:00:00Z&treaty=os", "events recorded in os after 2000-01-01 00:00:00 UTC (page 1)" },
        { "/api/record?since=2000-01-01T00:00:00Z&until=2999-01-01T00:00:00Z&treaty=os", "events recorded in os after 2000-01-01 00:00:00 UTC (page 1)" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task a_permalink_opened_after_new_events_gives_exactly_the_answer_it_gave_before(string question, string what)
    {
        await Api.MultilateralTreatyWithNoticeFromA("os", new DateOnly(2020, 11, 22));
        var registered = (await Api.GetAsync("/api/treaties/os/events")).Body!.AsArray()[0]!["recordedAt"]!.GetValue<DateTimeOffset>();
        question = question.Replace("{registered}", Uri.EscapeDataString(registered.UtcDateTime.ToString("O")));
        var answer = await Api.GetAsync(question);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var permalink = answer.Text("permalink");

        var then = await Api.GetAsync(permalink);
        await Api.Recorded("os", NewEvent);
        var unfixed = await Api.GetAsync(question);
        var later = await Api.GetAsync(permalink);

        Assert.True(Uri.TryCreate(permalink, UriKind.Absolute, out var link) && link is { Scheme: "http", Host: "localhost" }, permalink);
        Assert.Equal(HttpStatusCode.OK, then.Status);
        Assert.Equal(permalink, then.Text("permalink"));
        Assert.True(JsonNode.DeepEquals(then.Body, later.Body), $"{then.Body?.ToJsonString()}\n{later.Body?.ToJsonString()}");
        // The permalink answers what the question did, and the question itself now answers otherwise.
        Assert.True(JsonNode.DeepEquals(Content(answer), Content(then)), $"{Content(answer)?.ToJsonString()}\n{Content(then)?.ToJsonString()}");
        Assert.False(JsonNode.DeepEquals(Content(answer), Content(unfixed)), $"the new event did not change {question}");

        var recordedThrough = answer.Body.At("recordedThrough")!.GetValue<DateTimeOffset>();
        var expected = what.Replace("{registered-utc}", $"{registered.UtcDateTime:yyyy-MM-dd HH:mm:ss}")
            .Replace("{tomorrow}", what.Contains("{tomorrow}") ? answer.Text("to") : "");
        Assert.Equal($"TreatyTracker, {expected} as recorded at {recordedThrough.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {permalink}, accessed …",
            answer.Text("citation"));
    }

    /// <summary>What the answer says, without the instants that name how it was asked (the permalink fixes the defaults).</summary>
    private static JsonNode? Content(ApiResponse response) =>
        Scenarios.WithoutRecordTime(response.Body?.DeepClone(), "recordedAt", "comparedWith", "until");

    [Fact]
    public async Task the_permalink_of_every_treaty_on_a_page_is_the_one_its_own_answer_gives()
    {
        await Api.BilateralTreatyInForce("inf");

        var answer = await Api.GetAsync("/api/treaties/inf/status?asOf=2019-05-01");
        var page = (await Api.GetAsync("/api/status?asOf=2019-05-01")).Body.At("treaties")!.AsArray();

        Assert.Equal(answer.Text("permalink"), page.Single()!["permalink"]!.GetValue<string>());
        Assert.Equal(answer.Text("citation"), page.Single()!["citation"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_permalink_is_built_from_the_address_the_client_asked()
    {
        await Api.BilateralTreatyInForce("inf");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/treaties/inf/status?asOf=2019-05-01");
        request.Headers.Host = "treaties.example.org:8443";

        var answer = await Api.SendAsync(request);

        Assert.StartsWith("http://treaties.example.org:8443/api/treaties/inf/status?asOf=2019-05-01&recordedAt=", answer.Text("permalink"));
    }

    [Fact]
    public async Task the_list_of_who_held_a_status_fixes_its_period_and_filters_but_not_yet_the_record_time()
    {
        await Api.MultilateralTreatyWithNoticeFromA("os", new DateOnly(2020, 11, 22));

        var answer = await Api.GetAsync("/api/status/during?from=2020-01-01&to=2022-01-01&treaty=os");
        var permalink = answer.Text("permalink");

        Assert.Equal("http://localhost/api/status/during?from=2020-01-01&to=2022-01-01&treaty=os&page=1&pageSize=100", permalink);
        Assert.True(JsonNode.DeepEquals(answer.Body, (await Api.GetAsync(permalink)).Body));
        Assert.StartsWith("TreatyTracker, who held any status in os in [2020-01-01, 2022-01-01) (page 1) as recorded at ", answer.Text("citation"));
    }

    [Fact]
    public async Task a_page_of_every_treaty_keeps_its_treaties_when_one_registered_later_sorts_before_them()
    {
        // "c" is recorded first and "a" after it: page 2 of one is "c", and its permalink must not lose "a" from page 1.
        await Api.BilateralTreatyInForce("c");
        await Api.BilateralTreatyInForce("a");

        var answer = await Api.GetAsync("/api/status?asOf=2019-05-01&page=2&pageSize=1");
        var later = await Api.GetAsync(answer.Text("permalink"));

        Assert.Equal("c", answer.Text("treaties[0].treatyId"));
        Assert.Equal(["c"], later.Body.At("treaties")!.AsArray().Select(t => t!["treatyId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_comparison_asked_at_instants_still_to_come_cites_instants_already_past()
    {
        await Api.MultilateralTreatyWithNoticeFromA("os", new DateOnly(2020, 11, 22));
        var answer = await Api.GetAsync("/api/treaties/os/status/compare?asOf=2021-06-01&recordedAt=2999-01-01T00:00:00Z&comparedWith=2999-06-01T00:00:00Z");
        var permalink = answer.Text("permalink");

        var then = await Api.GetAsync(permalink);
        await Api.Recorded("os", NewEvent);
        var later = await Api.GetAsync(permalink);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (answer.Status, then.Status));
        Assert.DoesNotContain("2999", permalink);
        Assert.True(JsonNode.DeepEquals(then.Body, later.Body), $"{then.Body?.ToJsonString()}\n{later.Body?.ToJsonString()}");
    }
}
