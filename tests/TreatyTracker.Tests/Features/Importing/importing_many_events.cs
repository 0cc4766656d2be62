using System.Net;
using System.Text;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Importing;

public class importing_many_events(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<ApiResponse> ImportAsync(string body, string contentType) =>
        Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(body, Encoding.UTF8, contentType) });

    [Fact]
    public async Task a_json_array_registers_treaties_and_records_their_events_in_one_go()
    {
        var response = await ImportAsync("""
            [
              {"treaty":"abm","type":"treaty-registered","name":"Anti-Ballistic Missile Treaty","shortName":"ABM","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
              {"treaty":"abm","type":"signed","on":"1972-05-26","parties":["United States","Soviet Union"]},
              {"treaty":"abm","type":"entered-into-force","on":"1972-10-03"},
              {"treaty":"abm","type":"withdrawal-notice-given","on":"2001-12-13","party":"United States"},
              {"treaty":"cfe","type":"treaty-registered","name":"Treaty on Conventional Armed Forces in Europe","shortName":"CFE","kind":"multilateral","withdrawalNoticePeriod":"P150D"},
              {"treaty":"cfe","type":"signed","on":"1990-11-19","parties":["United States","Soviet Union","France"]}
            ]
            """, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal((6, 2, 4), (response.Body.At("rows")!.GetValue<int>(), response.Body.At("treatiesRegistered")!.GetValue<int>(),
            response.Body.At("eventsRecorded")!.GetValue<int>()));
        var abm = await Api.GetAsync("/api/treaties/abm/status?asOf=2002-06-13");
        Assert.Equal("terminated", abm.Text("status"));
        Assert.Equal("signed", (await Api.GetAsync("/api/treaties/cfe")).Text("status"));
    }

    [Fact]
    public async Task csv_with_a_header_row_imports_into_an_existing_treaty()
    {
        await Api.BilateralTreatyInForce("inf");

        var response = await ImportAsync("""
            treaty,type,on,party,toward,summary,sourceTitle,sourceUrl
            inf,participation-suspended,2019-02-02,United States,Russia,"Suspension, as announced on 1 February",Pompeo statement,https://www.state.gov/
            inf,statement,2019-02-03,,,"A summary
            over two lines",,
            inf,participation-suspended,2019-03-04,Russia,United States,,,
            """, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var events = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray();
        Assert.Equal(5, events.Count);
        Assert.Equal("Suspension, as announced on 1 February", events[2]!["event"]!["summary"]!.GetValue<string>());
        Assert.Equal(["Russia"], events[2]!["event"]!["toward"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("A summary\nover two lines", events[3]!["event"]!["summary"]!.GetValue<string>().Replace("\r", ""));
        Assert.Equal("suspended", (await Api.GetAsync("/api/treaties/inf/status?asOf=2019-05-01")).Text("parties[1].status"));
    }

    [Fact]
    public async Task every_bad_row_is_reported_with_its_line_and_nothing_is_recorded()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();

        var response = await ImportAsync("""
            treaty,type,on,party
            inf,participation-suspended,2019-02-02,United States
            inf,participation-suspended,2019-02-30,Russia
            inf,participation-suspended,2019-03-04,France
            nope,statement,2019-03-04,
            inf,participation-resumed,2019-04-01,United States
            inf,withdrawal-took-effect,,United States
            """, "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var rows = response.Body.At("rows")!.AsArray();
        Assert.Equal([3, 4, 5, 7], rows.Select(r => r!["line"]!.GetValue<int>()));
        Assert.NotNull(rows[0]!["errors"]!["on"]);
        Assert.Contains("'France'", rows[1]!["errors"]!["event"]![0]!.GetValue<string>());
        Assert.Contains("no treaty 'nope'", rows[2]!["errors"]!["treaty"]![0]!.GetValue<string>());
        Assert.NotNull(rows[3]!["errors"]!["on"]);
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task an_event_id_already_recorded_or_used_by_an_earlier_row_of_any_treaty_is_refused()
    {
        await Api.BilateralTreatyInForce("inf");
        await Api.BilateralTreatyInForce("start");
        var recorded = (await Api.Recorded("inf", """{"type":"statement","on":"2001-01-01"}""")).Text("eventId");
        var stored = await StoredEventCountAsync();
        var chosen = Guid.NewGuid();

        var response = await ImportAsync($$"""
            [
              {"treaty":"start","id":"{{recorded}}","type":"statement","on":"2002-01-01"},
              {"treaty":"inf","id":"{{chosen}}","type":"statement","on":"2002-01-01"},
              {"treaty":"start","id":"{{chosen}}","type":"statement","on":"2002-01-02"},
              {"treaty":"inf","type":"statement","on":"2002-01-03"}
            ]
            """, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var rows = response.Body.At("rows")!.AsArray();
        Assert.Equal([2, 4], rows.Select(r => r!["line"]!.GetValue<int>()));
        Assert.All(rows, r => Assert.Contains("is already recorded", r!["errors"]!["id"]![0]!.GetValue<string>()));
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Fact]
    public async Task json_rows_are_reported_with_their_line_numbers()
    {
        var response = await ImportAsync("""
            [
              {"treaty":"x","type":"treaty-registered","name":"X","shortName":"X","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
              {"treaty":"x","type":"entered-into-force","on":"2000-01-01"},
              {"treaty":"x","type":"treaty-registered","name":"X","shortName":"X","kind":"bilateral","withdrawalNoticePeriod":"P6M"}
            ]
            """, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([3, 4], response.Body.At("rows")!.AsArray().Select(r => r!["line"]!.GetValue<int>()));
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Theory]
    [InlineData("""{"treaty":"x"}""", "application/json")]
    [InlineData("""[{"treaty":"x","type":"statement","colour":"red"}]""", "application/json")]
    [InlineData("""[{"treaty":"x",""", "application/json")]
    [InlineData("treaty,type,colour\nx,statement,red", "text/csv")]
    [InlineData("treaty,type,on,certainty,certainty\nx,statement,2019-01-01,day,day", "text/csv")]
    [InlineData("treaty,type,on,otherSources\nx,statement,2019-01-01,[null]", "text/csv")]
    [InlineData("treaty;type", "text/plain")]
    public async Task a_body_that_cannot_be_read_is_a_problem_and_records_nothing(string body, string contentType)
    {
        var response = await ImportAsync(body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(0, await StoredEventCountAsync());
    }
}
