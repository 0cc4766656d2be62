using System.Diagnostics;
using JasperFx.Events;
using Marten;
using TreatyTracker.Hosting.Live;
using Weasel.Core;

namespace TreatyTracker.Store;

public sealed record RebuildResult(int Treaties, long Events, TimeSpan Took);

/// <summary>
/// Drops every read model and derives them again from the event store, a batch of streams at a time, through the same
/// functions as every write (<see cref="ReadModels"/>), writing them with bulk inserts (COPY). The events are the
/// record; everything else can be rebuilt. Running servers are then told to forget the answers they keep.
/// </summary>
public static class Rebuild
{
    public const int StreamsPerBatch = 500;

    public static async Task<RebuildResult> RunAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        // Where Marten creates its schema as it goes, nothing may exist yet on a new database.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);
        foreach (var type in ReadModels.Types)
        {
            await store.Storage.Database.EnsureStorageExistsAsync(type, cancellation);
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);
        }

        IReadOnlyList<string> streams;
        await using (var query = store.QuerySession())
            streams = await query.QueryAsync<string>($"select id from {store.Options.Events.DatabaseSchemaName}.mt_streams order by id", cancellation);

        // Reading and deserializing the events is most of the work: two batches at a time keep both cores busy.
        long events = 0;
        await Parallel.ForEachAsync(streams.Chunk(StreamsPerBatch), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellation },
            async (batch, token) => Interlocked.Add(ref events, await RebuildBatchAsync(store, batch, token)));
        await ChangeNotifications.AnnounceEverythingChangedAsync(store, cancellation);
        return new RebuildResult(streams.Count, events, clock.Elapsed);
    }

    private static async Task<int> RebuildBatchAsync(IDocumentStore store, string[] batch, CancellationToken cancellation)
    {
        var streams = await StoredStreams.ReadAsync(store, batch, cancellation);
        var rows = ReadModels.OfStreams(streams.Values);
        await store.BulkInsertAsync(rows.Statuses, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Segments, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Deadlines, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Allegations, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Names, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Links, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Intervals, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.States, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(rows.Entries, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        return streams.Values.Sum(s => s.Count);
    }
}
