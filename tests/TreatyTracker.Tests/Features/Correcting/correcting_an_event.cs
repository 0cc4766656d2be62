using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Correcting;

/// <summary>A correction retracts an entry and records the corrected one, checked together: both, or neither.</summary>
public class correcting_an_event(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string> SignedWithARatificationAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("multi", "multilateral", "P1Y")).Status);
        var signed = (await Api.Recorded("multi", """{"type":"signed","on":"1990-01-01","parties":["A","B"]}""")).Text("eventId");
        await Api.Recorded("multi", """{"type":"ratified","on":"1990-06-01","party":"A"}""");
        return signed;
    }

    [Fact]
    public async Task an_entry_that_later_facts_rest_on_is_corrected_in_one_step()
    {
        var signed = await SignedWithARatificationAsync();

        var corrected = await Api.PostAsync($"/api/treaties/multi/events/{signed}/correction",
            """{"reason":"signed a month later","event":{"type":"signed","on":"1990-02-01","parties":["A","B"]}}""");

        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        Assert.Equal("not-signed", (await Api.GetAsync("/api/treaties/multi/status?asOf=1990-01-15")).Text("status"));
        var parties = (await Api.GetAsync("/api/treaties/multi/status?asOf=1990-07-01")).Body.At("parties")!.AsArray();
        Assert.Equal(["A ratified", "B signatory"], parties.Select(p => $"{p!["name"]} {p["status"]}"));
    }

    [Fact]
    public async Task a_correction_that_leaves_later_facts_without_ground_is_refused_and_records_nothing()
    {
        var signed = await SignedWithARatificationAsync();
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/multi/events/{signed}/correction",
            """{"reason":"A never signed","event":{"type":"signed","on":"1990-01-01","parties":["B","C"]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("it would contradict the 'ratified' event of 1990-06-01", refused.Text("errors.event[0]"));
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task the_corrected_event_s_own_errors_are_named_under_event()
    {
        var signed = await SignedWithARatificationAsync();
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/multi/events/{signed}/correction",
            """{"reason":"only the month is known","on":"2020-01-01","event":{"type":"signed","on":"1990-01-15","certainty":"month","parties":["A","B"]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("The correction cannot be recorded", refused.Text("title"));
        Assert.Contains("give 1990-01-01", refused.Body!["errors"]!["event.on"]![0]!.GetValue<string>());
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_version_inside_the_corrected_event_is_refused_rather_than_ignored()
    {
        var signed = await SignedWithARatificationAsync();
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/multi/events/{signed}/correction",
            """{"reason":"a month later","event":{"type":"signed","on":"1990-02-01","parties":["A","B"],"version":1}}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body!["errors"]!["event.version"]);
        Assert.Equal(stored, await StoredEventCountAsync());
    }
}
