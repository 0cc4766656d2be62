using System.Net;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Store;
using Xunit;

namespace TreatyTracker.Tests.Store;

/// <summary>An append writes only the read-model rows it changes; what it leaves must still be what a rebuild derives.</summary>
public class writing_the_read_models(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string[] Questions =
    [
        "/api/status?asOf=1990-01-01", "/api/status?asOf=2019-05-01", "/api/status?asOf=2023-06-01", "/api/status?asOf=2150-01-01",
        "/api/treaties", "/api/allegations", "/api/deadlines?from=1900-01-01",
        "/api/treaties/pact/status?asOf=2019-06-01", "/api/treaties/pact/history", "/api/treaties/imported/history",
        "/api/states/Russia?asOf=1999-06-01", "/api/states/Russia?asOf=2004-01-01", "/api/states/United%20States?asOf=2002-01-01"
    ];

    private static readonly Guid AllegedAndRetracted = Guid.Parse("0193a5b0-0000-7000-8000-00000000abcd");

    /// <summary>The version Marten gave each row of a treaty in <paramref name="table"/> when it last wrote it.</summary>
    private async Task<Dictionary<string, Guid>> RowVersionsAsync(string treatyId, string table = "mt_doc_statussegment")
    {
        await ReadModelsCaughtUpAsync();
        await using var session = Store.QuerySession();
        var rows = await session.QueryAsync<string>(
            $"select id || '=' || mt_version from treaties.{table} where treaty_id = ?", TestContext.Current.CancellationToken, treatyId);
        return rows.Select(r => r.Split('=')).ToDictionary(r => r[0], r => Guid.Parse(r[1]));
    }

    [Fact]
    public async Task after_every_kind_of_write_they_equal_what_a_rebuild_derives()
    {
        await Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);
        // A term that runs out in 2038: a term already run out would have its expiry recorded in the background, at
        // a moment the test does not choose, and the notice below contradicts an expiry recorded before it.
        await Api.BilateralTreatyInForce("pact", term: "P50Y");
        var wrong = await Api.Recorded("pact", """{"type":"participation-suspended","on":"1999-03-04","party":"United States"}""");
        var alleged = await Api.Recorded("pact", """{"type":"violation-alleged","on":"1995-01-01","accuser":"Russia","accused":"United States"}""");
        await Api.Recorded("pact", """{"type":"withdrawal-notice-given","on":"2003-01-01","party":"Russia","effectiveOn":"2003-07-01"}""");
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/treaties/pact/events/{wrong.Text("eventId")}/correction",
            """{"reason":"wrong party","event":{"type":"participation-suspended","on":"1999-03-04","party":"Russia"}}""")).Status);
        var retracted = await Api.Recorded("inf", """{"type":"violation-alleged","on":"2010-01-01","accuser":"Russia","accused":"United States"}""");
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/treaties/inf/events/{retracted.Text("eventId")}/retraction", """{"reason":"test"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import")
        {
            // An allegation retracted by the import that records it, and one recorded before, retracted by an import.
            Content = new StringContent($$"""
                [{"treaty":"pact","type":"statement","on":"1989-01-01"},
                 {"treaty":"pact","type":"event-retracted","on":"1996-01-01","eventId":"{{alleged.Text("eventId")}}","reason":"imported"},
                 {"treaty":"imported","type":"treaty-registered","name":"An imported treaty","shortName":"Imported","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
                 {"treaty":"imported","type":"signed","on":"1972-05-26","parties":["United States","Soviet Union"]},
                 {"treaty":"imported","type":"entered-into-force","on":"1972-10-03"},
                 {"treaty":"imported","id":"{{AllegedAndRetracted}}","type":"violation-alleged","on":"1980-01-01","accuser":"Soviet Union","accused":"United States"},
                 {"treaty":"imported","type":"event-retracted","on":"1980-02-01","eventId":"{{AllegedAndRetracted}}","reason":"same import"},
                 {"treaty":"imported","type":"withdrawal-notice-given","on":"2001-12-13","party":"United States"}]
                """, Encoding.UTF8, "application/json")
        })).Status);
        var written = await Api.AnswersAsync(Questions);

        await Host.RebuildReadModelsAsync();

        Scenarios.AssertSameAnswers(await Api.AnswersAsync(Questions), written, "from the rebuild, as the appends wrote it");
    }

    [Fact]
    public async Task an_event_that_changes_no_status_rewrites_no_segment_and_one_that_does_rewrites_from_its_day()
    {
        await Api.BilateralTreatyInForce("pact");
        var before = await RowVersionsAsync("pact");

        await Api.Recorded("pact", """{"type":"statement","on":"2001-01-01","summary":"changes nothing"}""");
        Assert.Equal(before, await RowVersionsAsync("pact"));

        await Api.Recorded("pact", """{"type":"participation-suspended","on":"2005-01-01","party":"Russia"}""");
        var after = await RowVersionsAsync("pact");
        Assert.Equal(before["pact/0001-01-01"], after["pact/0001-01-01"]);
        Assert.Equal(before["pact/1987-12-08"], after["pact/1987-12-08"]);
        Assert.NotEqual(before["pact/1988-06-01"], after["pact/1988-06-01"]);
        Assert.Contains("pact/2005-01-01", after.Keys);
    }

    [Fact]
    public async Task an_event_rewrites_the_state_rows_it_changes_only()
    {
        await Api.BilateralTreatyInForce("pact");
        var before = await RowVersionsAsync("pact", "mt_doc_stateintreatyrow");
        Assert.Equal(["pact/Russia", "pact/United States"], before.Keys.Order());

        await Api.Recorded("pact", """{"type":"statement","on":"2001-01-01","summary":"changes nothing"}""");
        Assert.Equal(before, await RowVersionsAsync("pact", "mt_doc_stateintreatyrow"));

        await Api.Recorded("pact", """{"type":"participation-suspended","on":"2005-01-01","party":"Russia"}""");
        var suspended = await RowVersionsAsync("pact", "mt_doc_stateintreatyrow");
        Assert.NotEqual(before["pact/Russia"], suspended["pact/Russia"]);
        Assert.Equal(before["pact/United States"], suspended["pact/United States"]);

        // A notice brings a deadline, which every party's row carries.
        await Api.Recorded("pact", """{"type":"withdrawal-notice-given","on":"2006-01-01","party":"United States"}""");
        var noticed = await RowVersionsAsync("pact", "mt_doc_stateintreatyrow");
        Assert.All(noticed, row => Assert.NotEqual(suspended[row.Key], row.Value));
    }
}
