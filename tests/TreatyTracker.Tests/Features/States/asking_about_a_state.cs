using System.Net;
using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.States;

/// <summary>A state's view: every treaty it took part in, where it stood in each on a day, by any of its names, as recorded at any instant.</summary>
public class asking_about_a_state(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task TwoTreatiesAsync()
    {
        await Api.RegisterAsync("inf");
        await Api.Recorded("inf", """{"type":"signed","on":"1987-12-08","parties":["United States","USSR"]}""");
        await Api.Recorded("inf", """{"type":"entered-into-force","on":"1988-06-01"}""");
        await Api.Recorded("inf", """{"type":"succeeded","on":"1991-12-24","successor":"Russia","predecessor":"USSR","kind":"continuation"}""");
        await Api.Recorded("inf", """{"type":"violation-alleged","on":"2014-07-29","accuser":"United States","accused":"Russia"}""");
        await Api.Recorded("inf", """{"type":"withdrawal-notice-given","on":"2019-02-02","party":"United States"}""");
        await Api.RegisterAsync("new-start", notice: "P3M");
        await Api.Recorded("new-start", """{"type":"signed","on":"2010-04-08","parties":["United States","Russia"]}""");
        await Api.Recorded("new-start", """{"type":"entered-into-force","on":"2011-02-05"}""");
        await Api.Recorded("new-start", """{"type":"participation-suspended","on":"2023-02-28","party":"Russia"}""");
    }

    [Fact]
    public async Task every_treaty_of_the_state_answers_with_its_status_then_the_next_deadline_and_its_allegations()
    {
        await TwoTreatiesAsync();

        var russia = await Api.GetAsync("/api/states/Russia?asOf=2019-03-01");

        Assert.Equal(HttpStatusCode.OK, russia.Status);
        var treaties = russia.Body.At("treaties")!.AsArray();
        Assert.Equal(["inf", "new-start"], treaties.Select(t => t!["treatyId"]!.GetValue<string>()).Order());
        var inf = treaties.Single(t => t!["treatyId"]!.GetValue<string>() == "inf")!;
        Assert.Equal(("party", "in-force", "Russia"), (inf["status"]!.GetValue<string>(), inf["treatyStatus"]!.GetValue<string>(), inf["name"]!.GetValue<string>()));
        Assert.Equal(("2019-08-02", "withdrawal-takes-effect"), (inf["nextDeadline"]!["on"]!.GetValue<string>(), inf["nextDeadline"]!["kind"]!.GetValue<string>()));
        Assert.Equal(("Russia", 1), (russia.Text("allegationsAgainst.newest[0].accused"), russia.Body.At("allegationsAgainst.count")!.GetValue<int>()));
        Assert.Equal(0, russia.Body.At("allegationsBy.count")!.GetValue<int>());
        Assert.Empty(russia.Body.At("allegationsBy.newest")!.AsArray());
    }

    [Fact]
    public async Task a_state_with_many_allegations_shows_how_many_the_newest_of_them_and_where_to_read_them_all()
    {
        await Api.BilateralTreatyInForce("inf");
        var days = Enumerable.Range(0, 25).Select(n => new DateOnly(2000, 1, 1).AddDays(n * 30)).ToList();
        foreach (var day in days)
            await Api.Recorded("inf", $$"""{"type":"violation-alleged","on":"{{day:yyyy-MM-dd}}","accuser":"United States","accused":"Russia"}""");

        var view = await Api.GetAsync("/api/states/Russia?asOf=2001-12-01");

        var upToTheDay = days.Where(d => d <= new DateOnly(2001, 12, 1)).OrderDescending().Select(d => d.ToString("yyyy-MM-dd")).ToList();
        Assert.True(upToTheDay.Count > 20);
        Assert.Equal(upToTheDay.Count, view.Body.At("allegationsAgainst.count")!.GetValue<int>());
        Assert.Equal(upToTheDay.Take(20), view.Body.At("allegationsAgainst.newest")!.AsArray().Select(a => a!["on"]!.GetValue<string>()));
        var all = await Api.GetAsync(view.Text("allegationsAgainst.all"));
        Assert.Equal(upToTheDay, all.Body!.AsArray().Select(a => a!["on"]!.GetValue<string>()));
        Assert.Equal("http://localhost/api/allegations?accuser=Russia&to=2001-12-01", view.Text("allegationsBy.all"));
    }

    [Theory]
    [InlineData("1987-01-01")]
    [InlineData("1989-01-01")]
    [InlineData("1992-06-01")]
    [InlineData("2019-03-01")]
    [InlineData("2019-09-01")]
    [InlineData("2023-03-01")]
    public async Task the_view_now_and_the_view_folded_at_the_instant_it_answers_are_the_same(string asOf)
    {
        // Now, the view picks from its stored rows in one query; at a past instant, it folds the treaties: both must agree.
        await TwoTreatiesAsync();
        await Api.Recorded("new-start", """{"type":"violation-alleged","on":"2022-08-08","accuser":"Russia","accused":"United States"}""");

        foreach (var state in new[] { "Russia", "USSR", "United States" })
        {
            var now = await Api.GetAsync($"/api/states/{Uri.EscapeDataString(state)}?asOf={asOf}");
            var folded = await Api.GetAsync(now.Text("permalink"));
            Assert.Equal(HttpStatusCode.OK, folded.Status);
            Assert.True(JsonNode.DeepEquals(Scenarios.WithoutRecordTime(now.Body?.DeepClone(), "recordedAt"), Scenarios.WithoutRecordTime(folded.Body?.DeepClone(), "recordedAt")),
                $"{now.Body?.ToJsonString()}\n{folded.Body?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task a_continuing_state_is_found_by_its_earlier_name_and_named_as_it_was_on_the_day()
    {
        await TwoTreatiesAsync();

        var ussr = await Api.GetAsync("/api/states/USSR?asOf=1989-01-01");

        var inf = ussr.Body.At("treaties")!.AsArray().Single(t => t!["treatyId"]!.GetValue<string>() == "inf")!;
        Assert.Equal(("USSR", "party", "1988-06-01"), (inf["name"]!.GetValue<string>(), inf["status"]!.GetValue<string>(), inf["since"]!.GetValue<string>()));
        var newStart = ussr.Body.At("treaties")!.AsArray().Single(t => t!["treatyId"]!.GetValue<string>() == "new-start")!;
        Assert.Null(newStart["status"]);
    }

    [Fact]
    public async Task as_recorded_at_an_instant_the_view_leaves_out_what_was_recorded_later()
    {
        await TwoTreatiesAsync();
        var before = (await Api.GetAsync("/api/treaties/new-start/events")).Body!.AsArray()[^1]!["recordedAt"]!.GetValue<DateTimeOffset>();
        await Api.Recorded("new-start", """{"type":"participation-resumed","on":"2024-01-01","party":"Russia"}""");

        var now = await Api.GetAsync("/api/states/Russia?asOf=2025-01-01");
        var then = await Api.GetAsync($"/api/states/Russia?asOf=2025-01-01&recordedAt={Uri.EscapeDataString(before.ToString("O"))}");

        string StatusIn(ApiResponse view) => view.Body.At("treaties")!.AsArray().Single(t => t!["treatyId"]!.GetValue<string>() == "new-start")!["status"]!.GetValue<string>();
        Assert.Equal(("party", "suspended"), (StatusIn(now), StatusIn(then)));
    }

    [Fact]
    public async Task the_list_of_states_counts_each_state_once_under_all_its_names()
    {
        await TwoTreatiesAsync();

        var states = (await Api.GetAsync("/api/states")).Body!.AsArray();

        var russia = states.Single(s => s!["name"]!.GetValue<string>() == "Russia")!;
        Assert.Equal((2, 0, 1), (russia["treaties"]!.GetValue<int>(), russia["allegationsBy"]!.GetValue<int>(), russia["allegationsAgainst"]!.GetValue<int>()));
        Assert.Equal(["USSR", "Russia"], russia["names"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain(states, s => s!["name"]!.GetValue<string>() == "USSR");
        Assert.Equal(2, states.Single(s => s!["name"]!.GetValue<string>() == "United States")!["treaties"]!.GetValue<int>());
    }

    [Fact]
    public async Task an_unknown_state_is_not_found_and_a_malformed_date_is_refused()
    {
        await TwoTreatiesAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/states/Atlantis")).Status);
        var refused = await Api.GetAsync("/api/states/Russia?asOf=2019-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body.At("errors.asOf"));
    }
}
