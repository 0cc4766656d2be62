using System.Diagnostics;
using JasperFx.CommandLine;
using JasperFx.Events;
using Marten;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingAllegations;
using TreatyTracker.Treaties.ListingDeadlines;
using Weasel.Core;

namespace TreatyTracker.Treaties.Rebuilding;

public sealed record RebuildResult(int Treaties, long Events, TimeSpan Took);

/// <summary>
/// Drops every treaty snapshot and read model and folds them again from the event store, a batch of streams at a time, through
/// the same code as the inline projection, writing them with bulk inserts (COPY). The events are the record;
/// everything else can be rebuilt.
/// </summary>
public static class RebuildReadModels
{
    public const int StreamsPerBatch = 500;

    public static async Task<RebuildResult> RunAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        foreach (var type in TreatyProjection.ProjectedTypes)
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);

        IReadOnlyList<string> streams;
        await using (var query = store.QuerySession())
            streams = await query.QueryAsync<string>($"select id from {store.Options.Events.DatabaseSchemaName}.mt_streams order by id", cancellation);

        // Reading and deserializing the events is most of the work: two batches at a time keep both cores busy.
        long events = 0;
        await Parallel.ForEachAsync(streams.Chunk(StreamsPerBatch), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellation },
            async (batch, token) => Interlocked.Add(ref events, await RebuildBatchAsync(store, batch, token)));
        return new RebuildResult(streams.Count, events, clock.Elapsed);
    }

    /// <summary>
    /// Folds and stores the snapshot of every treaty stream that has none (a database written before snapshots
    /// were kept); its read models are left as they are. Upserts only, so instances starting together agree.
    /// </summary>
    public static async Task<int> StoreMissingSnapshotsAsync(IDocumentStore store, CancellationToken cancellation)
    {
        string[] missing;
        await using (var query = store.QuerySession())
        {
            // The first question also makes sure the event tables exist on a new database.
            if (!await query.Events.QueryAllRawEvents().AnyAsync(cancellation)) return 0;
            var snapshots = (await query.Query<Treaty>().Select(t => t.Id).ToListAsync(cancellation)).ToHashSet();
            var streams = await query.QueryAsync<string>($"select id from {store.Options.Events.DatabaseSchemaName}.mt_streams", cancellation);
            missing = streams.Where(id => !snapshots.Contains(id)).ToArray();
        }

        foreach (var batch in missing.Chunk(StreamsPerBatch))
        {
            await using var session = store.LightweightSession();
            foreach (var stream in (await ReadStreamsAsync(session, batch, cancellation)).Values)
                if (TreatyProjection.Fold(stream) is { } treaty) session.Store(treaty);
            await session.SaveChangesAsync(cancellation);
        }
        return missing.Length;
    }

    private static async Task<Dictionary<string, List<IEvent>>> ReadStreamsAsync(IQuerySession session, string[] batch, CancellationToken cancellation)
    {
        var raw = await session.Events.QueryAllRawEvents()
            .Where(e => batch.Contains(e.StreamKey))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        return raw.GroupBy(e => e.StreamKey!).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static async Task<int> RebuildBatchAsync(IDocumentStore store, string[] batch, CancellationToken cancellation)
    {
        Dictionary<string, List<IEvent>> streams;
        await using (var session = store.QuerySession())
            streams = await ReadStreamsAsync(session, batch, cancellation);

        var treaties = new List<Treaty>();
        var statuses = new List<TreatyStatusView>();
        var segments = new List<StatusSegment>();
        var deadlines = new List<DeadlineRow>();
        var allegations = new List<AllegationRow>();
        foreach (var stream in streams.Values)
        {
            if (TreatyProjection.Fold(stream) is not { } treaty) continue;
            treaties.Add(treaty);
            var models = TreatyProjection.ReadModelsOf(treaty, stream.Select(e => e.Data).OfType<TreatyEvent>().LastOrDefault()?.Summary);
            statuses.Add(models.Status);
            segments.AddRange(models.Segments);
            deadlines.AddRange(models.Deadlines);
            allegations.AddRange(AllegationRow.Standing(treaty.Id, stream));
        }
        await store.BulkInsertAsync(treaties, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(statuses, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(segments, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(deadlines, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        await store.BulkInsertAsync(allegations, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        return streams.Values.Sum(s => s.Count);
    }
}

[Description("Drop every read model and rebuild them from the event store")]
public sealed class RebuildCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var result = await RunAsync(host.Services.GetRequiredService<IDocumentStore>());
        Console.WriteLine($"Rebuilt {result.Treaties} treaties from {result.Events} events in {result.Took.TotalSeconds:F1} s " +
                          $"({(result.Events / Math.Max(result.Took.TotalSeconds, 0.001)):F0} events/s)");
        return true;
    }

    private static Task<RebuildResult> RunAsync(IDocumentStore store) => RebuildReadModels.RunAsync(store, CancellationToken.None);
}

/// <summary>Before an instance serves commands, every treaty has its snapshot (see <see cref="RebuildReadModels.StoreMissingSnapshotsAsync"/>).</summary>
public sealed class StoreMissingSnapshotsOnStart(IDocumentStore store, ILogger<StoreMissingSnapshotsOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellation)
    {
        var stored = await RebuildReadModels.StoreMissingSnapshotsAsync(store, cancellation);
        if (stored > 0) logger.LogInformation("Stored the missing snapshots of {Treaties} treaties", stored);
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
