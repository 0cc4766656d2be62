using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Diff;

public class what_changed_allegations_and_deadlines(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task SeedAsync() => Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task the_diff_between_two_dates_lists_each_transition_with_the_event_that_caused_it()
    {
        await SeedAsync();

        var diff = await Api.GetAsync("/api/treaties/inf/diff?from=2019-01-01&to=2019-12-31");

        Assert.Equal(("in-force", "terminated"), (diff.Text("statusOnFrom"), diff.Text("statusOnTo")));
        var transitions = diff.Body.At("transitions")!.AsArray()
            .Select(t => $"{t!["on"]} {t["party"]?.GetValue<string>() ?? "treaty"} {t["from"]}->{t["to"]} by {t["cause"]?["type"]}")
            .ToList();
        Assert.Equal([
            "2019-02-02 United States party->withdrawing by withdrawal-notice-given",
            "2019-03-04 Russia party->suspended by participation-suspended",
            "2019-08-02 treaty in-force->terminated by withdrawal-notice-given",
            "2019-08-02 United States withdrawing->withdrawn by withdrawal-notice-given",
            "2019-08-02 Russia suspended->terminated by withdrawal-notice-given"
        ], transitions);
        var seeded = await TreatyTracker.Hosting.Seeding.SeedFile.ReadAsync(Path.Combine(RepositoryRoot.Path, "seeds", "inf.json"), TestContext.Current.CancellationToken);
        Assert.Equal(seeded.Events.Single(e => e.Type == "withdrawal-notice-given").Source!.Url, diff.Text("transitions[0].cause.source.url"));
    }

    [Fact]
    public async Task allegations_across_treaties_are_filtered_and_newest_first_with_their_sources()
    {
        await SeedAsync();

        var byRussia = (await Api.GetAsync("/api/allegations?accuser=Russia")).Body!.AsArray();
        Assert.Equal(["2019-02-02", "2018-04-25", "2017-04-29", "2014-07-30"], byRussia.Select(a => a!["on"]!.GetValue<string>()));
        Assert.Equal("unconfirmed", byRussia[1]!["certainty"]!.GetValue<string>());
        Assert.All(byRussia, a => Assert.Equal("United States", a!["accused"]!.GetValue<string>()));
        Assert.Equal("https://tass.com/politics/1001626", byRussia[1]!["source"]!["url"]!.GetValue<string>());

        var againstRussia = (await Api.GetAsync("/api/allegations?accused=Russia&from=2015-01-01&to=2023-12-31")).Body!.AsArray();
        var seeded = Seeds.TreatyIds.SelectMany(id => Seeds.Of(id).Events
                .Where(e => e is { Type: "violation-alleged", Accused: "Russia" or "USSR" } && e.On >= new DateOnly(2015, 1, 1) && e.On <= new DateOnly(2023, 12, 31))
                .Select(e => (Treaty: id, On: e.On!.Value)))
            .OrderByDescending(a => a.On).ThenBy(a => a.Treaty, StringComparer.Ordinal).Select(a => a.Treaty);
        Assert.Equal(seeded, againstRussia.Select(a => a!["treatyId"]!.GetValue<string>()));

        Assert.Single((await Api.GetAsync("/api/allegations?treaty=open-skies")).Body!.AsArray());
    }

    [Fact]
    public async Task deadlines_in_a_window_are_the_transitions_due_in_it_across_treaties()
    {
        await SeedAsync();

        var deadlines = (await Api.GetAsync("/api/deadlines?from=2019-01-01&to=2026-12-31")).Body!.AsArray()
            .Select(d => $"{d!["on"]} {d["treatyId"]} {d["kind"]} {d["party"]?.GetValue<string>()}".Trim())
            .ToList();

        Assert.Equal([
            "2019-08-02 inf withdrawal-takes-effect United States",
            "2020-11-22 open-skies withdrawal-takes-effect United States",
            "2021-12-18 open-skies withdrawal-takes-effect Russia",
            "2026-02-05 new-start expiry"
        ], deadlines);
    }

    [Fact]
    public async Task a_correction_retracts_and_records_in_one_step()
    {
        await Api.BilateralTreatyInForce("inf");
        var wrong = await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"United States"}""");

        var corrected = await Api.PostAsync($"/api/treaties/inf/events/{wrong.Text("eventId")}/correction", """
            {"reason":"wrong party","source":{"title":"Al Jazeera","url":"https://www.aljazeera.com/"},
             "event":{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}}
            """);

        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        Assert.Equal(corrected.Text("correction.url"), corrected.Headers.Location?.ToString());
        var status = await Api.GetAsync("/api/treaties/inf/status?asOf=2020-01-01");
        var parties = status.Body.At("parties")!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["status"]!.GetValue<string>());
        Assert.Equal("party", parties["United States"]);
        Assert.Equal("suspended", parties["Russia"]);
    }

    [Fact]
    public async Task a_correction_whose_new_event_is_refused_records_neither_half()
    {
        await Api.BilateralTreatyInForce("inf");
        var wrong = await Api.Recorded("inf", """{"type":"participation-suspended","on":"2019-03-04","party":"United States"}""");
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/inf/events/{wrong.Text("eventId")}/correction", """
            {"reason":"wrong party","event":{"type":"participation-suspended","on":"2019-03-04","party":"France"}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Theory]
    [InlineData("""{"reason":""}""", "reason")]
    [InlineData("""{"reason":"x","on":"2019-01-01","source":{"title":"t","url":"mailto:a@b"}}""", "source.url")]
    public async Task a_retraction_without_a_reason_or_with_a_bad_source_is_refused(string json, string field)
    {
        await Api.BilateralTreatyInForce("inf");
        var target = await Api.Recorded("inf", """{"type":"statement","on":"2019-01-01"}""");
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/inf/events/{target.Text("eventId")}/retraction", json);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body.At("errors")?[field]);
        Assert.Equal(stored, await StoredEventCountAsync());
    }
}
