using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Registering;

public class registering_a_treaty(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task answers_201_with_its_location_and_starts_its_stream()
    {
        var response = await Api.RegisterAsync("abm", "bilateral", "P6M");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("/api/treaties/abm", response.Headers.Location?.ToString());
        var treaty = await Api.GetAsync("/api/treaties/abm");
        Assert.Equal(HttpStatusCode.OK, treaty.Status);
        Assert.Equal("not-signed", treaty.Text("status"));
        Assert.Equal("P6M", treaty.Text("withdrawalNoticePeriod"));
        Assert.Equal(1, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_treaty_with_no_withdrawal_clause_on_record_takes_notices_only_with_the_day_they_take_effect()
    {
        var registered = await Api.PostAsync("/api/treaties", """{"id":"pmda","name":"Plutonium agreement","shortName":"PMDA","kind":"bilateral"}""");
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Null((await Api.GetAsync("/api/treaties/pmda")).Body.At("withdrawalNoticePeriod"));
        await Api.Recorded("pmda", """{"type":"signed","on":"2000-08-29","parties":["United States","Russia"]}""");
        await Api.Recorded("pmda", """{"type":"entered-into-force","on":"2011-07-13"}""");
        var before = await StoredEventCountAsync();

        var refused = await Api.RecordAsync("pmda", """{"type":"withdrawal-notice-given","on":"2026-11-01","party":"Russia"}""");
        var given = await Api.RecordAsync("pmda", """{"type":"withdrawal-notice-given","on":"2026-11-01","party":"Russia","effectiveOn":"2027-11-01"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body.At("errors.effectiveOn"));
        Assert.Equal(HttpStatusCode.Created, given.Status);
        Assert.Equal(before + 1, await StoredEventCountAsync());
    }

    [Fact]
    public async Task a_second_registration_under_the_same_id_is_a_conflict_and_appends_nothing()
    {
        await Api.RegisterAsync("abm");

        var again = await Api.RegisterAsync("abm");

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("application/problem+json", again.ContentType);
        Assert.Equal(1, await StoredEventCountAsync());
    }

    [Theory]
    [InlineData("""{"id":"Bad Id!","name":"x","shortName":"x","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""", "id")]
    [InlineData("""{"id":"ok","name":"x","shortName":"x","kind":"bilateral","withdrawalNoticePeriod":"six months"}""", "withdrawalNoticePeriod")]
    [InlineData("""{"id":"ok","name":"x","shortName":"x","kind":"bilateral","withdrawalNoticePeriod":"P6M","term":"P0D"}""", "term")]
    [InlineData("""{"id":"ok","shortName":"x","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""", "name")]
    [InlineData("""{"id":"ok","name":"x","shortName":"x","withdrawalNoticePeriod":"P6M"}""", "kind")]
    [InlineData("""{"id":"ok","name":"x","shortName":"x","kind":"bilateral","withdrawalNoticePeriod":"P6M","source":{"title":"t","url":"not a url"}}""", "source.url")]
    public async Task malformed_input_is_a_problem_naming_the_field_and_appends_nothing(string json, string field)
    {
        var response = await Api.PostAsync("/api/treaties", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.NotNull(response.Body.At("errors")?[field]);
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Theory]
    [InlineData("""{"id":"ok","name":"x","shortName":"x","kind":"trilateral","withdrawalNoticePeriod":"P6M"}""")]
    [InlineData("""{"id":"ok","name":"x","shortName":"x","kind":"bilateral","withdrawalNoticePeriod":"P6M","colour":"red"}""")]
    [InlineData("""{"id":"ok","name":""")]
    public async Task json_that_does_not_fit_the_contract_is_a_problem_and_appends_nothing(string json)
    {
        var response = await Api.PostAsync("/api/treaties", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(0, await StoredEventCountAsync());
    }
}
