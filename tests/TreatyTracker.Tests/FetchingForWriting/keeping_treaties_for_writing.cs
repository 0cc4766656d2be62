using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Access;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.FetchingForWriting;
using Xunit;

namespace TreatyTracker.Tests.FetchingForWriting;

/// <summary>
/// A write reads only the events its treaty gained since this instance last folded it. To see which fold a write
/// carried on from, these tests keep a treaty under a name its record never gave it: the name reaches the status
/// view only if the write carried on from the kept treaty instead of folding the record afresh.
/// </summary>
public class keeping_treaties_for_writing(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Doctored = "Kept under another name";

    private KeptTreaties Kept => Host.Services.GetRequiredService<KeptTreaties>();

    /// <summary>The treaty in force, as this instance last folded it for a write, kept again under <see cref="Doctored"/>.</summary>
    private async Task<Treaty> KeptUnderAnotherNameAsync(TreatyApi api, string id)
    {
        await api.BilateralTreatyInForce(id);
        await api.Recorded(id, """{"type":"statement","on":"1990-01-01"}""");
        var kept = Kept.Find(id);
        Assert.NotNull(kept);
        Kept.Keep(kept with { Name = Doctored });
        return kept;
    }

    private async Task<string> NameAsync(string id) => (await AnonymousApi.GetAsync($"/api/treaties/{id}")).Text("name");

    [Fact]
    public async Task a_write_keeps_the_treaty_as_it_read_it()
    {
        await Api.BilateralTreatyInForce("kept");
        await Api.Recorded("kept", """{"type":"statement","on":"1990-01-01"}""");

        // The last write read the record at version 3 (registered, signed, in force) and appended the fourth event.
        var kept = Kept.Find("kept");
        Assert.NotNull(kept);
        Assert.Equal(3, kept.StreamVersion);
        await using var session = Store.QuerySession();
        var folded = TreatyProjection.Fold(await session.Events.FetchStreamAsync("kept", version: 3, token: TestContext.Current.CancellationToken));
        Assert.Equal(JsonSerializer.Serialize(folded), JsonSerializer.Serialize(kept));
    }

    [Fact]
    public async Task a_write_carries_on_from_the_kept_treaty_and_folds_only_what_was_recorded_since()
    {
        await KeptUnderAnotherNameAsync(Api, "kept");

        var recorded = await Api.RecordAsync("kept", """{"type":"statement","on":"1991-01-01","version":4}""");

        Assert.Equal(HttpStatusCode.Created, recorded.Status);
        Assert.Equal(Doctored, await NameAsync("kept"));
        Assert.Equal(4, Kept.Find("kept")!.StreamVersion);
    }

    [Fact]
    public async Task events_another_writer_recorded_since_are_folded_on()
    {
        await KeptUnderAnotherNameAsync(Api, "kept");
        await using (var elsewhere = Store.LightweightSession())
        {
            elsewhere.Events.Append("kept", new Statement { On = new DateOnly(1990, 6, 1) });
            await elsewhere.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The write sees the record at version 5, with the other writer's event.
        var stale = await Api.RecordAsync("kept", """{"type":"statement","on":"1991-01-01","version":4}""");
        var current = await Api.RecordAsync("kept", """{"type":"statement","on":"1991-01-01","version":5}""");

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(HttpStatusCode.Created, current.Status);
        Assert.Equal(5, Kept.Find("kept")!.StreamVersion);
        Assert.Equal(Doctored, await NameAsync("kept"));
    }

    [Fact]
    public async Task a_kept_treaty_is_folded_afresh_once_the_event_it_ended_with_is_gone()
    {
        var before = await KeptUnderAnotherNameAsync(Api, "kept");

        // The database emptied behind the app's back (as by a restore), and the treaty recorded anew up to the kept
        // treaty's version, but not through this instance: the first write it sees is the one below.
        await Host.ResetAllMartenDataAsync();
        await using (var elsewhere = Store.LightweightSession())
        {
            elsewhere.Events.StartStream<Treaty>("kept",
                new TreatyRegistered("kept", "Test treaty kept", "kept", TreatyKind.Bilateral, new IsoPeriod(0, 6, 0), null, null),
                new Signed(["United States", "Russia"]) { On = new DateOnly(1987, 12, 8) },
                new EnteredIntoForce { On = new DateOnly(1988, 6, 1) },
                new Statement { On = new DateOnly(1990, 1, 1) });
            await elsewhere.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var query = Store.QuerySession())
            Assert.True((await query.Events.FetchStreamStateAsync("kept", TestContext.Current.CancellationToken))!.Version >= before.StreamVersion);
        var api = new TreatyApi(Host.Server.CreateClient(), await ApiKeys.IssueAsync(Store, Role.Editor));
        var recorded = await api.RecordAsync("kept", $$"""{"type":"event-retracted","on":"1990-01-02","eventId":"{{before.Facts[^1].Id}}","reason":"gone"}""");

        // The retracted event is from the record that is gone: it is unknown, and the treaty is named as recorded.
        Assert.Equal(HttpStatusCode.BadRequest, recorded.Status);
        Assert.Equal("Test treaty kept", await NameAsync("kept"));
    }

    [Fact]
    public async Task every_way_marten_offers_to_fetch_a_treaty_carries_on_from_the_kept_one()
    {
        var kept = await KeptUnderAnotherNameAsync(Api, "kept");
        var token = TestContext.Current.CancellationToken;

        await using var session = Store.LightweightSession();
        var latest = await session.Events.FetchLatest<Treaty>("kept", token);
        await Assert.ThrowsAsync<JasperFx.ConcurrencyException>(() => session.Events.FetchForWriting<Treaty>("kept", 3, token));
        var expected = await session.Events.FetchForWriting<Treaty>("kept", 4, token);
        var exclusive = await session.Events.FetchForExclusiveWriting<Treaty>("kept", token);
        exclusive.AppendOne(new Statement { On = new DateOnly(1992, 1, 1) });
        await session.SaveChangesAsync(token);

        Assert.All(new[] { latest, expected.Aggregate, exclusive.Aggregate }, treaty =>
        {
            Assert.Equal(4, treaty!.StreamVersion);
            Assert.Equal(kept.Facts.Count + 1, treaty.Facts.Count);
            Assert.Equal(Doctored, treaty.Name);
        });
        await using var later = Store.LightweightSession();
        var appended = await later.Events.FetchLatest<Treaty>("kept", token);
        Assert.Equal((5L, Doctored), (appended!.StreamVersion, appended.Name));
        Assert.Null(await later.Events.FetchLatest<Treaty>("never-registered", token));
    }
}
