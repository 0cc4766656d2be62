using System.Net;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties;
using TreatyTracker.Store;
using TreatyTracker.Store.Kept;
using Xunit;

namespace TreatyTracker.Tests.Store.Kept;

/// <summary>
/// A write, or an import, reads only the events its treaty gained since this instance last kept it. To see which
/// fold a write carried on from, these tests keep a treaty under a name its record never gave it: the name reaches
/// the status view only if the write carried on from the kept treaty instead of folding the record afresh.
/// </summary>
public class keeping_treaties_for_writing(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Doctored = "Kept under another name";
    private const string Named = "Test treaty kept";

    private KeptTreaties Kept => Host.Services.GetRequiredService<KeptTreaties>();

    /// <summary>The treaty in force with one statement (version 4), as this instance keeps it after that write.</summary>
    private async Task<Treaty> KeptAfterWritesAsync()
    {
        await Api.BilateralTreatyInForce("kept");
        await Api.Recorded("kept", """{"type":"statement","on":"1990-01-01"}""");
        var kept = Kept.Kept("kept");
        Assert.Equal(4, kept?.Version);
        return kept!;
    }

    /// <summary>The same record under another name: its facts, ids and times as they are.</summary>
    private void KeepUnderAnotherName(Treaty treaty)
    {
        var renamed = Treaty.Register(new TreatyRegistered
        {
            TreatyId = treaty.Id, Name = Doctored, ShortName = treaty.Terms.ShortName, Kind = treaty.Terms.Kind,
            WithdrawalNoticePeriod = treaty.Terms.WithdrawalNoticePeriod
        }, treaty.RegisteredAt);
        Kept.Keep(treaty.Facts.Aggregate(renamed, (doctored, fact) => doctored.Record(fact.Event, fact.Id, fact.RecordedAt)));
    }

    /// <summary>Written as another instance would, which keeps nothing of it here; this instance still keeps
    /// <paramref name="kept"/>, under another name.</summary>
    private async Task WrittenElsewhereAsync(Treaty kept, Func<Task> write)
    {
        await write();
        KeepUnderAnotherName(kept);
    }

    /// <summary>The database emptied behind the app's back (as by a restore), and the treaty recorded anew as far as
    /// <paramref name="kept"/> reached, but not through this instance; the API with a key issued anew.</summary>
    private async Task<TreatyApi> RecordedAnewAfterAResetAsync(Treaty kept)
    {
        await Host.ResetAllMartenDataAsync();
        await WrittenElsewhereAsync(kept, () => StoreWrites.RegisterAsync(Store,
            new TreatyRegistered { TreatyId = "kept", Name = Named, ShortName = "kept", Kind = TreatyKind.Bilateral, WithdrawalNoticePeriod = new IsoPeriod(0, 6, 0) },
            new Signed(["United States", "Russia"]) { On = new DateOnly(1987, 12, 8) },
            new EnteredIntoForce { On = new DateOnly(1988, 6, 1) },
            new Statement { On = new DateOnly(1990, 1, 1) }));
        return new TreatyApi(Host.Server.CreateClient(), await ApiKeys.IssueAsync(Store, Role.Editor));
    }

    private static Task<ApiResponse> ImportAsync(TreatyApi api, string json) =>
        api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private async Task<string> NameAsync(string id) => (await AnonymousApi.GetAsync($"/api/treaties/{id}")).Text("name");

    [Fact]
    public async Task a_write_keeps_the_treaty_as_its_commit_left_it()
    {
        var kept = await KeptAfterWritesAsync();

        await using var session = Store.QuerySession();
        var stored = TreatyAggregation.Aggregate(await session.Events.FetchStreamAsync("kept", token: TestContext.Current.CancellationToken))!;
        // Who recorded each fact is read only from the store (it tells an earlier release's consequences apart): a
        // decision does not know it. Everything else is the same.
        Assert.Equal(JsonSerializer.Serialize(stored.Facts.Select(f => f with { RecordedBy = null })), JsonSerializer.Serialize(kept.Facts));
        Assert.Equal(JsonSerializer.Serialize(stored.Timeline), JsonSerializer.Serialize(kept.Timeline));
        Assert.Equal((stored.Id, stored.Version, stored.RegisteredAt, stored.Terms), (kept.Id, kept.Version, kept.RegisteredAt, kept.Terms));
    }

    [Fact]
    public async Task a_write_carries_on_from_the_kept_treaty()
    {
        KeepUnderAnotherName(await KeptAfterWritesAsync());

        var recorded = await Api.RecordAsync("kept", """{"type":"statement","on":"1991-01-01","version":4}""");

        Assert.Equal(HttpStatusCode.Created, recorded.Status);
        Assert.Equal(Doctored, await NameAsync("kept"));
        Assert.Equal((5L, Doctored), (Kept.Kept("kept")!.Version, Kept.Kept("kept")!.Terms.Name));
    }

    [Fact]
    public async Task events_another_writer_recorded_since_are_folded_on()
    {
        var kept = await KeptAfterWritesAsync();
        await WrittenElsewhereAsync(kept, () => StoreWrites.RecordAsync(Store, "kept", new Statement { On = new DateOnly(1990, 6, 1) }));

        // The write sees the record at version 5, with the other writer's event.
        var stale = await Api.RecordAsync("kept", """{"type":"statement","on":"1991-01-01","version":4}""");
        var current = await Api.RecordAsync("kept", """{"type":"statement","on":"1991-01-01","version":5}""");

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(HttpStatusCode.Created, current.Status);
        Assert.Equal(Doctored, await NameAsync("kept"));
    }

    [Fact]
    public async Task a_kept_treaty_is_folded_afresh_once_the_event_it_ended_with_is_gone()
    {
        var before = await KeptAfterWritesAsync();
        var api = await RecordedAnewAfterAResetAsync(before);
        var recorded = await api.RecordAsync("kept", $$"""{"type":"event-retracted","on":"1990-01-02","eventId":"{{before.Facts[^1].Id}}","reason":"gone"}""");

        // The retracted event is from the record that is gone: it is unknown, and the treaty is named as recorded.
        Assert.Equal(HttpStatusCode.BadRequest, recorded.Status);
        Assert.Equal(Named, await NameAsync("kept"));
    }

    [Fact]
    public async Task an_import_carries_on_from_the_kept_treaty_and_folds_on_what_another_writer_recorded()
    {
        var kept = await KeptAfterWritesAsync();
        await WrittenElsewhereAsync(kept, () => StoreWrites.RecordAsync(Store, "kept", new Statement { On = new DateOnly(1990, 6, 1) }));

        var imported = await ImportAsync(Api, """[{"treaty":"kept","type":"statement","on":"1991-01-01"}]""");

        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Equal(Doctored, await NameAsync("kept"));
        Assert.Equal(6, Kept.Kept("kept")!.Version);
        Assert.Equal(6, (await AnonymousApi.GetAsync("/api/treaties/kept")).Body.At("version")!.GetValue<long>());
    }

    [Fact]
    public async Task an_import_folds_a_kept_treaty_afresh_once_the_event_it_ended_with_is_gone()
    {
        var before = await KeptAfterWritesAsync();
        var api = await RecordedAnewAfterAResetAsync(before);

        var retracted = await ImportAsync(api, $$"""[{"treaty":"kept","type":"event-retracted","on":"1990-01-02","eventId":"{{before.Facts[^1].Id}}","reason":"gone"}]""");
        var imported = await ImportAsync(api, """[{"treaty":"kept","type":"statement","on":"1991-01-01"}]""");

        // The retracted event is from the record that is gone; the treaty is the one recorded anew, one event longer.
        Assert.Equal(HttpStatusCode.BadRequest, retracted.Status);
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Equal(Named, await NameAsync("kept"));
        Assert.Equal(5, (await AnonymousApi.GetAsync("/api/treaties/kept")).Body.At("version")!.GetValue<long>());
    }

    [Fact]
    public async Task every_way_marten_offers_to_fetch_a_treaty_carries_on_from_the_kept_one()
    {
        var kept = await KeptAfterWritesAsync();
        KeepUnderAnotherName(kept);
        var token = TestContext.Current.CancellationToken;

        await using var session = Store.LightweightSession();
        var latest = await session.Events.FetchLatest<Treaty>("kept", token);
        await Assert.ThrowsAsync<JasperFx.ConcurrencyException>(() => session.Events.FetchForWriting<Treaty>("kept", 3, token));
        var expected = await session.Events.FetchForWriting<Treaty>("kept", 4, token);
        var exclusive = await session.Events.FetchForExclusiveWriting<Treaty>("kept", token);
        exclusive.AppendOne(new Statement { On = new DateOnly(1992, 1, 1) });
        await session.SaveChangesAsync(token);

        Assert.All(new[] { latest, expected.Aggregate, exclusive.Aggregate }, treaty => Assert.Equal((4L, Doctored), (treaty!.Version, treaty.Terms.Name)));
        await using var later = Store.LightweightSession();
        var appended = await later.Events.FetchLatest<Treaty>("kept", token);
        Assert.Equal((5L, Doctored), (appended!.Version, appended.Terms.Name));
        Assert.Null(await later.Events.FetchLatest<Treaty>("never-registered", token));
    }
}
