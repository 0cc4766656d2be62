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
        var seededByRussia = SeededAllegations(e => e.Accuser is "Russia" or "USSR").ToList();
        Assert.Equal(seededByRussia.Select(a => $"{a.Entry.On:yyyy-MM-dd} {a.Entry.Accused}"),
            byRussia.Select(a => $"{a!["on"]!.GetValue<string>()} {a["accused"]!.GetValue<string>()}"));
        var unconfirmed = Assert.Single(byRussia, a => a!["certainty"]?.GetValue<string>() == "unconfirmed");
        Assert.Equal(seededByRussia.Single(a => a.Entry.Certainty == "unconfirmed").Entry.Source!.Url, unconfirmed!["source"]!["url"]!.GetValue<string>());

        var againstRussia = (await Api.GetAsync("/api/allegations?accused=Russia&from=2015-01-01&to=2023-12-31")).Body!.AsArray();
        var seeded = SeededAllegations(e => e.Accused is "Russia" or "USSR" && e.On >= new DateOnly(2015, 1, 1) && e.On <= new DateOnly(2023, 12, 31));
        Assert.Equal(seeded.Select(a => a.Treaty), againstRussia.Select(a => a!["treatyId"]!.GetValue<string>()));

        Assert.Single((await Api.GetAsync("/api/allegations?treaty=open-skies")).Body!.AsArray());
    }

    [Fact]
    public async Task deadlines_in_a_window_are_the_transitions_due_in_it_across_treaties()
    {
        await SeedAsync();

        var deadlines = (await Api.GetAsync("/api/deadlines?from=2019-01-01&to=2026-12-31")).Body!.AsArray()
            .Select(d => $"{d!["on"]} {d["treatyId"]} {d["kind"]} {d["party"]?.GetValue<string>()}".Trim())
            .ToList();

        // Each deadline follows from a seeded notice (its effect) or from a term that the seeds record running out.
        bool InWindow(DateOnly? day) => day >= new DateOnly(2019, 1, 1) && day <= new DateOnly(2026, 12, 31);
        var seeded = Seeds.TreatyIds.SelectMany(id => Seeds.Of(id).Events.Select(e => (Treaty: id, Entry: e)))
            .Select(a => a.Entry.Type switch
            {
                "withdrawal-notice-given" when InWindow(a.Entry.EffectiveOn) => (On: a.Entry.EffectiveOn!.Value, a.Treaty, Text: $"withdrawal-takes-effect {a.Entry.Party}"),
                "expired" when InWindow(a.Entry.On) => (On: a.Entry.On!.Value, a.Treaty, Text: "expiry"),
                _ => default
            })
            .Where(d => d.Treaty is not null).OrderBy(d => d.On).ThenBy(d => d.Treaty, StringComparer.Ordinal)
            .Select(d => $"{d.On:yyyy-MM-dd} {d.Treaty} {d.Text}");
        Assert.Equal(seeded, deadlines);
        Assert.Contains("2026-02-05 new-start expiry", deadlines);
    }

    /// <summary>The seeded violation allegations that match, newest first (by treaty on the same day), as the API lists them.</summary>
    private static IEnumerable<(string Treaty, SeedEntry Entry)> SeededAllegations(Func<SeedEntry, bool> matching) =>
        Seeds.TreatyIds.SelectMany(id => Seeds.Of(id).Events.Where(e => e.Type == "violation-alleged" && matching(e)).Select(e => (Treaty: id, Entry: e)))
            .OrderByDescending(a => a.Entry.On).ThenBy(a => a.Treaty, StringComparer.Ordinal);

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
