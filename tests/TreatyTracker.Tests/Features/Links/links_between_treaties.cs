using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Links;

/// <summary>A fact can relate its treaty to another; both treaties then show the relation, each read its own way.</summary>
public class links_between_treaties(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_link_stated_by_one_treaty_is_read_the_other_way_from_the_other_and_counts_from_its_day()
    {
        await Api.BilateralTreatyInForce("abm");
        await Api.Recorded("abm", """{"type":"withdrawal-notice-given","on":"2001-12-13","party":"United States","effectiveOn":"2002-06-13"}""");
        await Api.RegisterAsync("start-ii");
        await Api.Recorded("start-ii", """{"type":"signed","on":"1993-01-03","parties":["United States","Russia"]}""");
        var statement = await Api.Recorded("start-ii", """
            {"type":"signature-renounced","on":"2002-06-14","party":"Russia","links":[{"relation":"answers","treaty":"abm"}]}
            """);

        var fromStartTwo = await Api.GetAsync("/api/treaties/start-ii/links");
        var fromAbm = await Api.GetAsync("/api/treaties/abm/links");

        Assert.Equal(("answers", "abm", "2002-06-14", "start-ii", statement.Text("eventId")),
            (fromStartTwo.Text("[0].relation"), fromStartTwo.Text("[0].treaty"), fromStartTwo.Text("[0].on"), fromStartTwo.Text("[0].statedBy"), fromStartTwo.Text("[0].eventId")));
        Assert.Equal(("answered-by", "start-ii"), (fromAbm.Text("[0].relation"), fromAbm.Text("[0].treaty")));
        Assert.Empty((await Api.GetAsync("/api/treaties/abm/links?asOf=2002-06-13")).Body!.AsArray());

        var status = await Api.GetAsync("/api/treaties/start-ii/status?asOf=2002-07-01");
        Assert.Equal(("signed", "renounced", "answers"), (status.Text("status"), status.Text("parties[1].status"), status.Text("links[0].relation")));
        Assert.Empty((await Api.GetAsync("/api/treaties/start-ii/status?asOf=2002-06-13")).Body.At("links")!.AsArray());
    }

    [Fact]
    public async Task a_superseded_treaty_and_its_successor_each_show_the_supersession()
    {
        await Api.BilateralTreatyInForce("sort");
        await Api.RegisterAsync("new-start");
        await Api.Recorded("sort", """{"type":"superseded","on":"2011-02-05","by":"new-start"}""");

        Assert.Equal(("supersedes", "sort"), ((await Api.GetAsync("/api/treaties/new-start/links")).Text("[0].relation"),
            (await Api.GetAsync("/api/treaties/new-start/links")).Text("[0].treaty")));
        Assert.Equal("superseded-by", (await Api.GetAsync("/api/treaties/sort/links")).Text("[0].relation"));
    }

    [Fact]
    public async Task a_retracted_link_is_gone_from_both_treaties()
    {
        await Api.BilateralTreatyInForce("new-start");
        await Api.RegisterAsync("start-i");
        var replacing = await Api.Recorded("new-start", """{"type":"statement","on":"2011-02-05","links":[{"relation":"replaces","treaty":"start-i"}]}""");
        Assert.Equal("replaced-by", (await Api.GetAsync("/api/treaties/start-i/links")).Text("[0].relation"));

        await Api.Recorded("new-start", $$"""{"type":"event-retracted","on":"2011-02-05","eventId":"{{replacing.Text("eventId")}}","reason":"test"}""");

        Assert.Empty((await Api.GetAsync("/api/treaties/start-i/links")).Body!.AsArray());
        Assert.Empty((await Api.GetAsync("/api/treaties/new-start/links")).Body!.AsArray());
    }

    [Theory]
    [InlineData("""[{"relation":"superseded-by","treaty":"start-i"}]""", "links[0].relation")]
    [InlineData("""[{"relation":"answers","treaty":"Not An Id"}]""", "links[0].treaty")]
    [InlineData("""[{"relation":"answers","treaty":"inf"}]""", "links[0].treaty")]
    [InlineData("""[{"relation":"answers"}]""", "links[0].treaty")]
    [InlineData("""[null]""", "links[0]")]
    [InlineData("""[{"relation":"answers","treaty":"abm"},{"relation":"answers","treaty":"abm"}]""", "links")]
    public async Task a_malformed_link_is_refused_with_its_field_named_and_nothing_is_recorded(string links, string field)
    {
        await Api.BilateralTreatyInForce("inf");
        var before = await StoredEventCountAsync();

        var response = await Api.RecordAsync("inf", $$"""{"type":"statement","on":"2019-01-01","links":{{links}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Body?["errors"]?[field]);
        Assert.Equal(before, await StoredEventCountAsync());
    }

    [Fact]
    public async Task the_links_of_a_treaty_never_registered_are_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/treaties/nothing-here/links")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.GetAsync("/api/treaties/nothing-here/links?asOf=2001-02-30")).Status);
    }
}
