using System.Diagnostics;
using JasperFx.CommandLine;
using JasperFx.Events;
using Marten;
using TreatyTracker.Live;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingAllegations;
using TreatyTracker.Treaties.ListingDeadlines;
using Weasel.Core;

namespace TreatyTracker.Treaties.Rebuilding;

public sealed record RebuildResult(int Treaties, long Events, TimeSpan Took);

/// <summary>
/// Drops every read model and folds them again from the event store, a batch of streams at a time, through
/// the same code as the inline projection, writing them with bulk inserts (COPY). The events are the record;
/// everything else can be rebuilt. Running servers are then told to forget the answers they keep.
/// </summary>
public static class RebuildReadModels
{
    public const int StreamsPerBatch = 500;

    public static async Task<RebuildResult> RunAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        foreach (var type in TreatyProjection.ReadModelTypes)
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);

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

        var statuses = new List<TreatyStatusView>();
        var segments = new List<StatusSegment>();
        var deadlines = new List<DeadlineRow>();
        var allegations = new List<AllegationRow>();
        foreach (var stream in streams.Values)
        {
            if (TreatyProjection.Fold(stream) is not { } treaty) continue;
            var models = TreatyProjection.ReadModelsOf(treaty, stream.Select(e => e.Data).OfType<TreatyEvent>().LastOrDefault()?.Summary);
            statuses.Add(models.Status);
            segments.AddRange(models.Segments);
            deadlines.AddRange(models.Deadlines);
            allegations.AddRange(AllegationRow.Standing(treaty.Id, stream));
        }
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
