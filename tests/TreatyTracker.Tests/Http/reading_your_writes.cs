using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http;

/// <summary>
/// The read models follow the events a moment later; an answer includes every write the instance made, and a write
/// through any instance once its Record-Sequence is sent back.
/// </summary>
public class reading_your_writes(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task every_write_answers_with_the_sequence_of_its_newest_event_and_the_next_answer_includes_it()
    {
        await Api.BilateralTreatyInForce("inf");

        var first = await Api.RecordAsync("inf", """{"type":"statement","on":"2001-01-01","summary":"first"}""");
        var second = await Api.RecordAsync("inf", """{"type":"participation-suspended","on":"2002-01-01","party":"Russia"}""");

        var sequences = new[] { first, second }.Select(w => long.Parse(Assert.Single(w.Headers.GetValues("Record-Sequence")))).ToList();
        Assert.True(sequences[1] > sequences[0], $"{sequences[0]} then {sequences[1]}");
        var status = await Api.GetAsync("/api/treaties/inf/status?asOf=2003-01-01");
        Assert.Equal("suspended", status.Body!["parties"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Russia")!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task a_record_sequence_that_is_not_a_whole_number_is_refused(string sent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/treaties") { Headers = { { "Record-Sequence", sent } } };

        var answer = await Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.NotNull(answer.Body!["errors"]!["Record-Sequence"]);
    }
}
