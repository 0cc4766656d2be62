using System.Net;
using System.Text;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Correcting;

/// <summary>
/// A treaty's history entered one request at a time, as an analyst does, while the server records what falls due on
/// its own: the answers are as if the consequences it recorded had never been wrong.
/// </summary>
public class consequences_follow_their_causes_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string> NoticeOfJanuary2020Async()
    {
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("bi", "bilateral", "P6M")).Status);
        await Api.Recorded("bi", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
        await Api.Recorded("bi", """{"type":"entered-into-force","on":"2000-06-01"}""");
        return (await Api.Recorded("bi", """{"type":"withdrawal-notice-given","on":"2020-01-01","party":"A"}""")).Text("eventId");
    }

    private async Task<string> StatusAsync(string treaty, string day) => (await Api.GetAsync($"/api/treaties/{treaty}/status?asOf={day}")).Text("status");

    private async Task<IReadOnlyList<(string Type, string On, bool Retracted, string? FollowsFrom)>> EventsAsync(string treaty) =>
        (await Api.GetAsync($"/api/treaties/{treaty}/events")).Body!.AsArray()
            .Select(e => (e!["type"]!.GetValue<string>(), e["on"]!.GetValue<string>(), e["retracted"]!.GetValue<bool>(), e["followsFrom"]?.GetValue<string>()))
            .ToList();

    [Fact]
    public async Task the_server_records_the_withdrawal_and_the_termination_each_following_from_the_notice()
    {
        var notice = await NoticeOfJanuary2020Async();

        var events = await EventsAsync("bi");
        Assert.Contains(("withdrawal-took-effect", "2020-07-01", false, notice), events);
        Assert.Contains(("terminated", "2020-07-01", false, notice), events);
        Assert.Equal("terminated", await StatusAsync("bi", "2020-07-01"));
    }

    [Fact]
    public async Task retracting_the_notice_leaves_the_treaty_in_force()
    {
        var notice = await NoticeOfJanuary2020Async();

        var retracted = await Api.PostAsync($"/api/treaties/bi/events/{notice}/retraction", """{"reason":"entered by mistake"}""");

        Assert.Equal(HttpStatusCode.Created, retracted.Status);
        Assert.Equal("in-force", await StatusAsync("bi", "2026-06-01"));
        Assert.All((await EventsAsync("bi")).Where(e => e.FollowsFrom is not null), e => Assert.True(e.Retracted));
    }

    [Fact]
    public async Task a_notice_corrected_a_year_later_is_accepted_with_its_effect_on_2021_07_01()
    {
        var notice = await NoticeOfJanuary2020Async();

        var corrected = await Api.PostAsync($"/api/treaties/bi/events/{notice}/correction",
            """{"reason":"the notice was given a year later","event":{"type":"withdrawal-notice-given","on":"2021-01-01","party":"A"}}""");

        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        Assert.Equal("in-force", await StatusAsync("bi", "2021-06-30"));
        Assert.Equal("terminated", await StatusAsync("bi", "2021-07-01"));
        var standing = (await EventsAsync("bi")).Where(e => e.FollowsFrom is not null && !e.Retracted).ToList();
        Assert.Equal([("withdrawal-took-effect", "2021-07-01"), ("terminated", "2021-07-01")], standing.Select(e => (e.Type, e.On)));
        Assert.All(standing, e => Assert.Equal(corrected.Text("correction.eventId"), e.FollowsFrom));
    }

    [Fact]
    public async Task a_late_extension_keeps_the_treaty_in_force_until_its_new_expiry()
    {
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("ten", "bilateral", "P3M", "P10Y")).Status);
        await Api.Recorded("ten", """{"type":"signed","on":"2010-04-08","parties":["A","B"]}""");
        await Api.Recorded("ten", """{"type":"entered-into-force","on":"2011-02-05"}""");
        Assert.Contains(("expired", "2021-02-05", false), (await EventsAsync("ten")).Select(e => (e.Type, e.On, e.Retracted)));

        var extended = await Api.RecordAsync("ten", """{"type":"term-extended","on":"2021-02-03","expiresOn":"2026-02-05"}""");

        Assert.Equal(HttpStatusCode.Created, extended.Status);
        Assert.Equal("in-force", await StatusAsync("ten", "2022-01-01"));
        Assert.Equal("expired", await StatusAsync("ten", "2026-02-05"));
        var events = await EventsAsync("ten");
        Assert.Contains(("expired", "2021-02-05", true), events.Select(e => (e.Type, e.On, e.Retracted)));
        Assert.Contains(("expired", "2026-02-05", false, extended.Text("eventId")), events);
    }

    [Fact]
    public async Task a_backdated_termination_is_accepted_and_the_effect_of_the_notice_gives_way()
    {
        await NoticeOfJanuary2020Async();

        var terminated = await Api.RecordAsync("bi", """{"type":"terminated","on":"2020-03-01"}""");

        Assert.Equal(HttpStatusCode.Created, terminated.Status);
        var status = await Api.GetAsync("/api/treaties/bi/status?asOf=2026-06-01");
        Assert.Equal(("terminated", "2020-03-01"), (status.Text("status"), status.Text("since")));
        Assert.All((await EventsAsync("bi")).Where(e => e.FollowsFrom is not null), e => Assert.True(e.Retracted));
    }

    [Fact]
    public async Task an_import_that_retracts_a_notice_retracts_its_consequences_in_the_same_transaction()
    {
        var notice = await NoticeOfJanuary2020Async();

        var imported = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import")
        {
            Content = new StringContent($$"""[{"treaty":"bi","type":"event-retracted","on":"2026-01-01","eventId":"{{notice}}","reason":"entered by mistake"}]""",
                Encoding.UTF8, "application/json")
        });

        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Equal("in-force", await StatusAsync("bi", "2026-06-01"));
        Assert.All((await EventsAsync("bi")).Where(e => e.FollowsFrom is not null), e => Assert.True(e.Retracted));
    }

    private async Task<string> IdOfAsync(string treaty, string type) =>
        (await Api.GetAsync($"/api/treaties/{treaty}/events")).Body!.AsArray().First(e => e!["type"]!.GetValue<string>() == type)!["id"]!.GetValue<string>();

    [Fact]
    public async Task a_consequence_that_the_record_still_makes_due_cannot_be_retracted_on_its_own()
    {
        await NoticeOfJanuary2020Async();
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/bi/events/{await IdOfAsync("bi", "terminated")}/retraction", """{"reason":"the treaty goes on"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("retract or correct the fact it follows from", refused.Text("errors.eventId[0]"));
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_consequence_recorded_by_hand_must_follow_from_what_makes_it_due_and_not_be_recorded_yet()
    {
        var notice = await NoticeOfJanuary2020Async();
        var signed = await IdOfAsync("bi", "signed");
        var stored = await StoredEventCountAsync();

        foreach (var (json, problem) in new[]
        {
            ($$"""{"type":"terminated","on":"2020-07-01","followsFrom":"{{signed}}"}""", "makes nothing due"),
            ($$"""{"type":"withdrawal-took-effect","on":"2020-07-01","party":"B","followsFrom":"{{notice}}"}""", "makes due: the withdrawal of A on 2020-07-01"),
            ($$"""{"type":"withdrawal-took-effect","on":"2020-06-30","party":"A","followsFrom":"{{notice}}"}""", "makes due: the withdrawal of A on 2020-07-01"),
            ($$"""{"type":"terminated","on":"2020-07-01","followsFrom":"{{notice}}"}""", "is already recorded")
        })
        {
            var refused = await Api.RecordAsync("bi", json);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(problem, refused.Text("errors.followsFrom[0]"));
        }
        Assert.Equal(stored, await StoredEventCountAsync());
    }
}
