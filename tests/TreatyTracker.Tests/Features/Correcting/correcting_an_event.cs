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

    [Theory]
    // The corrected signature leaves A's ratification without ground.
    [InlineData("""{"reason":"A never signed","event":{"type":"signed","on":"1990-01-01","parties":["B","C"]}}""",
        "event", "it would contradict the 'ratified' event of 1990-06-01")]
    // The corrected event's own errors are named as the request nests them.
    [InlineData("""{"reason":"only the month is known","on":"2020-01-01","event":{"type":"signed","on":"1990-01-15","certainty":"month","parties":["A","B"]}}""",
        "event.on", "give 1990-01-01")]
    // A version inside the corrected event would be ignored: the correction's own is the one checked.
    [InlineData("""{"reason":"a month later","event":{"type":"signed","on":"1990-02-01","parties":["A","B"],"version":1}}""",
        "event.version", "does not apply here")]
    public async Task a_correction_that_cannot_be_recorded_is_a_problem_naming_the_field_and_records_nothing(string body, string field, string message)
    {
        var signed = await SignedWithARatificationAsync();
        var stored = await StoredEventCountAsync();

        var refused = await Api.PostAsync($"/api/treaties/multi/events/{signed}/correction", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("The correction cannot be recorded", refused.Text("title"));
        Assert.Contains(message, refused.Body!["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(stored, await StoredEventCountAsync());
    }
}
