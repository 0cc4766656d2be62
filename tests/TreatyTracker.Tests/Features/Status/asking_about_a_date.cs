using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

public class asking_about_a_date(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task SeedAsync() => Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);

    private static string PartyStatus(ApiResponse answer, string party) =>
        answer.Body.At("parties")!.AsArray().Single(p => p!["name"]!.GetValue<string>() == party)!["status"]!.GetValue<string>();

    [Fact]
    public async Task the_seeded_treaties_answer_the_dates_analysts_care_about()
    {
        await SeedAsync();

        var inf = await Api.GetAsync("/api/treaties/inf/status?asOf=2019-05-01");
        Assert.Equal(("in-force", "2019-05-01"), (inf.Text("status"), inf.Text("asOf")));
        Assert.Equal("withdrawing", PartyStatus(inf, "United States"));
        Assert.Equal("2019-08-02", inf.Body.At("parties")!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "United States")!["effectiveOn"]!.GetValue<string>());
        Assert.Equal("suspended", PartyStatus(inf, "Russia"));
        Assert.Equal("2019-08-02", inf.Text("pendingDeadlines[0].on"));
        var seeded = await TreatyTracker.Hosting.Seeding.SeedFile.ReadAsync(Path.Combine(RepositoryRoot.Path, "seeds", "inf.json"), TestContext.Current.CancellationToken);
        Assert.Equal(seeded.Events.Count(e => e.Type == "violation-alleged" && e.On <= new DateOnly(2019, 5, 1)), inf.Body.At("allegations")!.AsArray().Count);

        Assert.Equal("terminated", (await Api.GetAsync("/api/treaties/inf/status?asOf=2019-09-01")).Text("status"));

        var newStart = await Api.GetAsync("/api/treaties/new-start/status?asOf=2023-06-01");
        Assert.Equal("in-force", newStart.Text("status"));
        Assert.Equal("suspended", PartyStatus(newStart, "Russia"));
        Assert.Equal("2026-02-05", newStart.Text("expiresOn"));
        Assert.Equal("2021-02-05", (await Api.GetAsync("/api/treaties/new-start/status?asOf=2020-06-01")).Text("expiresOn"));

        var openSkies = await Api.GetAsync("/api/treaties/open-skies/status?asOf=2021-06-01");
        Assert.Equal("in-force", openSkies.Text("status"));
        Assert.Equal("withdrawn", PartyStatus(openSkies, "United States"));
        Assert.Equal("party", PartyStatus(openSkies, "Russia"));
    }

    [Fact]
    public async Task before_its_signature_a_treaty_is_not_signed_and_has_no_parties()
    {
        await SeedAsync();

        var answer = await Api.GetAsync("/api/treaties/inf/status?asOf=1987-12-07");

        Assert.Equal("not-signed", answer.Text("status"));
        Assert.Empty(answer.Body.At("parties")!.AsArray());
    }

    [Fact]
    public async Task every_treaty_on_a_date_gives_the_same_answers_as_asking_one_by_one()
    {
        await SeedAsync();

        var all = await Api.GetAsync("/api/status?asOf=2019-05-01");

        var treaties = all.Body.At("treaties")!.AsArray();
        Assert.Equal(Seeds.TreatyIds, treaties.Select(t => t!["treatyId"]!.GetValue<string>()));
        foreach (var treaty in treaties)
        {
            var one = await Api.GetAsync($"/api/treaties/{treaty!["treatyId"]!.GetValue<string>()}/status?asOf=2019-05-01");
            Assert.True(JsonNode.DeepEquals(treaty, one.Body), $"{treaty} differs from {one.Body}");
        }
        var paged = await Api.GetAsync("/api/status?asOf=2019-05-01&page=2&pageSize=2");
        Assert.Equal(Seeds.TreatyIds.Skip(2).Take(2), paged.Body.At("treaties")!.AsArray().Select(t => t!["treatyId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task every_answer_says_how_sure_the_treaty_s_since_is_and_what_superseded_it()
    {
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("replaced", "bilateral", "P6M")).Status);
        await Api.Recorded("replaced", """{"type":"signed","on":"1972-05-01","certainty":"month","parties":["United States","USSR"]}""");
        await Api.Recorded("replaced", """{"type":"entered-into-force","on":"1972-10-03"}""");
        await Api.Recorded("replaced", """{"type":"superseded","on":"1980-01-01","certainty":"year","by":"successor-treaty"}""");

        var signed = await Api.GetAsync("/api/treaties/replaced/status?asOf=1972-06-01");
        Assert.Equal(("signed", "1972-05-01", "month"), (signed.Text("status"), signed.Text("since"), signed.Text("sinceCertainty")));
        Assert.Null(signed.Body.At("supersededBy"));
        Assert.Null((await Api.GetAsync("/api/treaties/replaced/status?asOf=1975-01-01")).Body.At("sinceCertainty"));

        var answers = new[]
        {
            await Api.GetAsync("/api/treaties/replaced/status?asOf=1990-01-01"),
            await Api.GetAsync($"/api/treaties/replaced/status?asOf=1990-01-01&recordedAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}"),
            await Api.GetAsync("/api/treaties/replaced")
        };
        Assert.All(answers, answer => Assert.Equal(("superseded", "year", "successor-treaty"),
            (answer.Text("status"), answer.Text("sinceCertainty"), answer.Text("supersededBy"))));
        var everyTreaty = (await Api.GetAsync("/api/status?asOf=1990-01-01")).Body.At("treaties")!.AsArray().Single()!;
        Assert.Equal("successor-treaty", everyTreaty["supersededBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_date_in_the_future_is_a_forecast_from_what_is_recorded()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Api.MultilateralTreatyWithNoticeFromA("future", today);
        var effective = today.AddYears(1);

        var dayBefore = await Api.GetAsync($"/api/treaties/future/status?asOf={effective.AddDays(-1):yyyy-MM-dd}");
        var thatDay = await Api.GetAsync($"/api/treaties/future/status?asOf={effective:yyyy-MM-dd}");

        Assert.Equal("withdrawing", PartyStatus(dayBefore, "A"));
        Assert.Equal("withdrawn", PartyStatus(thatDay, "A"));
        Assert.Equal("in-force", thatDay.Text("status"));
    }

    [Fact]
    public async Task a_retracted_entry_changes_the_answers_only_for_record_times_after_the_retraction()
    {
        await Api.BilateralTreatyInForce("inf");
        var wrong = await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"United States"}""");
        var retraction = await Api.PostAsync($"/api/treaties/inf/events/{wrong.Text("eventId")}/retraction", """{"reason":"it was Russia that suspended"}""");
        Assert.Equal(HttpStatusCode.Created, retraction.Status);

        var events = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray();
        var wrongRecordedAt = events.Single(e => e!["id"]!.GetValue<string>() == wrong.Text("eventId"))!["recordedAt"]!.GetValue<DateTimeOffset>();
        var retractedAt = events.Single(e => e!["id"]!.GetValue<string>() == retraction.Text("eventId"))!["recordedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(retractedAt > wrongRecordedAt);

        var before = await Api.GetAsync($"/api/treaties/inf/status?asOf=2020-01-01&recordedAt={Uri.EscapeDataString(wrongRecordedAt.ToString("O"))}");
        var after = await Api.GetAsync($"/api/treaties/inf/status?asOf=2020-01-01&recordedAt={Uri.EscapeDataString(retractedAt.ToString("O"))}");
        var now = await Api.GetAsync("/api/treaties/inf/status?asOf=2020-01-01");

        Assert.Equal("suspended", PartyStatus(before, "United States"));
        Assert.Equal("party", PartyStatus(after, "United States"));
        Assert.Equal("party", PartyStatus(now, "United States"));
        var registeredOnly = await Api.GetAsync($"/api/treaties/inf/status?asOf=2020-01-01&recordedAt={Uri.EscapeDataString(wrongRecordedAt.AddYears(-1).ToString("O"))}");
        Assert.Equal(HttpStatusCode.NotFound, registeredOnly.Status);
    }

    [Theory]
    [InlineData("/api/treaties/inf/status?asOf=2019-13-01", "asOf")]
    [InlineData("/api/treaties/inf/status?asOf=01/05/2019", "asOf")]
    [InlineData("/api/treaties/inf/status?recordedAt=yesterday", "recordedAt")]
    [InlineData("/api/status?asOf=0000-01-01", "asOf")]
    [InlineData("/api/status?pageSize=0", "pageSize")]
    [InlineData("/api/treaties/inf/diff?from=2020-01-01&to=2019-01-01", "from")]
    [InlineData("/api/treaties/inf/diff?from=2019-01-01", "to")]
    [InlineData("/api/allegations?from=2019-99-01", "from")]
    [InlineData("/api/deadlines?from=2030-01-01&to=2020-01-01", "from")]
    public async Task malformed_questions_are_problems_naming_the_parameter(string url, string parameter)
    {
        await Api.BilateralTreatyInForce("inf");

        var answer = await Api.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.NotNull(answer.Body.At("errors")?[parameter]);
    }

    [Theory]
    [InlineData("/api/treaties/nope/status?asOf=2019-01-01")]
    [InlineData("/api/treaties/nope/status?asOf=2019-01-01&recordedAt=2030-01-01T00:00:00Z")]
    [InlineData("/api/treaties/nope/diff?from=2019-01-01&to=2020-01-01")]
    public async Task questions_about_an_unknown_treaty_are_404_problems(string url)
    {
        var answer = await Api.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }
}
