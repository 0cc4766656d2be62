using System.Text.Json.Nodes;
using JasperFx;
using JasperFx.Events;
using Marten;
using TreatyTracker.Hosting.LocalPostgres;
using TreatyTracker.Store;
using Weasel.Core;

namespace TreatyTracker.Benchmarks;

/// <summary>An archive row stored as an event, as it came.</summary>
public sealed record ArchivedRow(JsonObject Row);

/// <summary>
/// The event store alone: Marten, with the app's event settings, appending the same events in a schema of its own,
/// with no HTTP, no validation and no read models. Between the PostgreSQL baselines and the app's figures, it shows
/// how much of a gap is the store's own cost, which no change to the app can win back.
/// </summary>
public sealed class EventStoreFloor(string connectionString) : IAsyncDisposable
{
    private readonly DocumentStore _store = FloorStore(connectionString, "bench_floor");

    /// <summary>A store with the app's event settings in a schema of its own.</summary>
    private static DocumentStore FloorStore(string connectionString, string schema) => DocumentStore.For(opts =>
    {
        opts.Connection(ConnectionDefaults.Apply(connectionString));
        opts.DatabaseSchemaName = schema;
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        opts.Events.AddEventType<ArchivedRow>();
        opts.AutoCreateSchemaObjects = AutoCreate.All;
    });

    /// <summary>The archive's events, a new stream per treaty, as many treaties per transaction as an import request holds; events per second.</summary>
    public async Task<double> AppendArchiveAsync(SyntheticArchive archive, int treatiesPerTransaction)
    {
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long events = 0;
        for (var start = 0; start < archive.Treaties; start += treatiesPerTransaction)
        {
            await using var session = _store.LightweightSession();
            for (var t = start; t < Math.Min(archive.Treaties, start + treatiesPerTransaction); t++)
            {
                var rows = archive.Rows(t).Select(row => (object)new ArchivedRow(row)).ToArray();
                session.Events.StartStream(SyntheticArchive.TreatyId(t), rows);
                events += rows.Length;
            }
            await session.SaveChangesAsync();
        }
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One more event for every stream of the archive, as many streams per transaction as an import request holds: the
    /// streams' versions read in one batch, then each event appended expecting its stream's version. Events per second.
    /// </summary>
    public async Task<double> AppendIntoRecordedAsync(SyntheticArchive archive, int treatiesPerTransaction)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long events = 0;
        for (var start = 0; start < archive.Treaties; start += treatiesPerTransaction)
        {
            await using var session = _store.LightweightSession();
            var batch = session.CreateBatchQuery();
            var states = Enumerable.Range(start, Math.Min(treatiesPerTransaction, archive.Treaties - start))
                .Select(t => (Id: SyntheticArchive.TreatyId(t), State: batch.Events.FetchStreamState(SyntheticArchive.TreatyId(t)))).ToList();
            await batch.Execute();
            foreach (var (id, state) in states)
            {
                session.Events.Append(id, (await state)!.Version + 1, new ArchivedRow(new JsonObject
                {
                    ["type"] = "statement", ["on"] = "2000-01-01", ["summary"] = "imported later"
                }));
                events++;
            }
            await session.SaveChangesAsync();
        }
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The archive through Marten's COPY-based bulk event append (<c>BulkInsertEventsAsync</c>), into a schema of its own,
    /// as many treaties per call as an import request holds. Each call is a transaction of Marten's own, on a connection of
    /// its own, so read models written elsewhere cannot commit or fail with it. Events per second.
    /// </summary>
    public static async Task<double> CopyArchiveAsync(string connectionString, SyntheticArchive archive, int treatiesPerCall)
    {
        await using var store = FloorStore(connectionString, "bench_floor_copy");
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long events = 0;
        for (var start = 0; start < archive.Treaties; start += treatiesPerCall)
        {
            var streams = Enumerable.Range(start, Math.Min(treatiesPerCall, archive.Treaties - start))
                .Select(t => StreamAction.Start(store.Events, SyntheticArchive.TreatyId(t), archive.Rows(t).Select(row => (object)new ArchivedRow(row)).ToArray()))
                .ToList();
            events += streams.Sum(s => s.Events.Count);
            await store.BulkInsertEventsAsync(streams);
        }
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One event per transaction, the least a write that checks its version costs the store: the stream's version
    /// read, then the event appended expecting that version, and committed. Each client writes to streams of its own.
    /// </summary>
    public Task<LoadResult> AppendOneAtATimeAsync(int clients, int perClient, int firstTreaty) =>
        LoadLoop.RunAsync(clients, perClient, async (client, n) =>
        {
            var stream = SyntheticArchive.TreatyId(firstTreaty + client + n * clients);
            await using var session = _store.LightweightSession();
            var state = await session.Events.FetchStreamStateAsync(stream);
            if (state is null) return false;
            session.Events.Append(stream, state.Version + 1, new ArchivedRow(new JsonObject
            {
                ["type"] = "statement", ["on"] = "2000-01-01", ["summary"] = $"floor {client}/{n}"
            }));
            await session.SaveChangesAsync();
            return true;
        });

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
