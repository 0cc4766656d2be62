using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Seeding;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Recording;

/// <summary>Commands decide on the treaty's stored snapshot: it must always be exactly what its stream folds into.</summary>
public class the_treaty_snapshot(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task after_every_kind_of_write_each_snapshot_is_the_fold_of_its_stream()
    {
        await Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);
        await Api.BilateralTreatyInForce("pact");
        var wrong = await Api.Recorded("pact", """{"type":"participation-suspended","on":"2019-03-04","party":"United States"}""");
        await Api.Recorded("pact", """{"type":"statement","on":"1990-01-01","summary":"backdated"}""");
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/treaties/pact/events/{wrong.Text("eventId")}/correction",
            """{"reason":"wrong party","event":{"type":"participation-suspended","on":"2019-03-04","party":"Russia"}}""")).Status);
        var retracted = await Api.Recorded("inf", """{"type":"statement","on":"2019-01-01"}""");
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/treaties/inf/events/{retracted.Text("eventId")}/retraction", """{"reason":"test"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import")
        {
            Content = new StringContent("""
                [{"treaty":"pact","type":"statement","on":"2020-01-01"},
                 {"treaty":"abm","type":"treaty-registered","name":"ABM Treaty","shortName":"ABM","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
                 {"treaty":"abm","type":"signed","on":"1972-05-26","parties":["United States","Soviet Union"]}]
                """, Encoding.UTF8, "application/json")
        })).Status);

        await Snapshots.AssertEachIsTheFoldOfItsStreamAsync(Store);
    }
}
