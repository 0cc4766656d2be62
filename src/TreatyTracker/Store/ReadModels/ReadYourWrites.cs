using Marten;
using Marten.Services;

namespace TreatyTracker.Store.ReadModels;

/// <summary>The newest event a unit of work committed, handed back to whoever asked for the work (the HTTP edge).</summary>
public sealed class CommittedSequence
{
    public long Value { get; internal set; }
}

/// <summary>
/// Read your writes. The read models follow the events a few milliseconds behind (the async daemon); an instance answers
/// only once they include every event it committed itself and every event stored before it started, so whoever
/// records an event through an instance and then asks it a question finds the event in the answer, every time. A
/// write through one instance is read through another once the caller names it (<see cref="WaitAsync"/>'s
/// <c>atLeast</c>: the sequence the write answered with). A wait is bounded (<c>TreatyTracker:ReadYourWrites:WaitSeconds</c>,
/// default 10): past it, the answer is given as it stands and a warning logged.
/// </summary>
public sealed class ReadYourWrites(IConfiguration configuration, ILogger<ReadYourWrites> logger) : DocumentSessionListenerBase
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private readonly TimeSpan _limit = TimeSpan.FromSeconds(configuration.GetValue("TreatyTracker:ReadYourWrites:WaitSeconds", 10.0));
    private static readonly AsyncLocal<CommittedSequence?> Tracked = new();
    private long _committed;
    private long _projected;
    private readonly Lock _gate = new();
    private Task<long>? _asking;

    /// <summary>From here down the call, the commits made are noted in the returned holder.</summary>
    public static CommittedSequence Track() => Tracked.Value = new CommittedSequence();

    /// <summary>The newest event every answer must include.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var newest = commit.GetEvents().Select(e => e.Sequence).DefaultIfEmpty(0).Max();
        Raise(ref _committed, newest);
        if (Tracked.Value is { } tracked && newest > tracked.Value) tracked.Value = newest;
        return Task.CompletedTask;
    }

    /// <summary>The store was emptied (as tests do between cases): nothing is committed or projected any more.</summary>
    public void Forget()
    {
        Interlocked.Exchange(ref _committed, 0);
        Interlocked.Exchange(ref _projected, 0);
    }

    /// <summary>Every event stored before this instance answers anything counts as one it must include.</summary>
    public async Task StartAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var newest = await query.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(cancellation);
        Raise(ref _committed, newest);
    }

    /// <summary>
    /// Returns once the read models include every event this instance must answer with, and <paramref name="atLeast"/> when
    /// given (or once the wait ran out).
    /// </summary>
    public async Task WaitAsync(IDocumentStore store, long? atLeast, CancellationToken cancellation)
    {
        var wanted = Math.Max(Committed, atLeast ?? 0);
        if (Interlocked.Read(ref _projected) >= wanted) return;
        var deadline = DateTimeOffset.UtcNow + _limit;
        while (true)
        {
            var projected = await ProjectedThroughAsync(store, cancellation);
            Raise(ref _projected, projected);
            if (projected >= wanted) return;
            if (DateTimeOffset.UtcNow >= deadline)
            {
                logger.LogWarning("The read models were still at event {Projected} after {Limit}, short of {Wanted}: answering as they stand",
                    projected, _limit, wanted);
                return;
            }
            await Task.Delay(Poll, cancellation);
        }
    }

    /// <summary>
    /// How far the read models' projection has come, as stored (whichever instance runs it). Requests waiting at the
    /// same moment share one query.
    /// </summary>
    private Task<long> ProjectedThroughAsync(IDocumentStore store, CancellationToken cancellation)
    {
        Task<long> asking;
        lock (_gate)
        {
            if (_asking is null || _asking.IsCompleted) _asking = ReadProgressAsync(store);
            asking = _asking;
        }
        return asking.WaitAsync(cancellation);
    }

    private static async Task<long> ReadProgressAsync(IDocumentStore store)
    {
        var shard = store.Advanced.AllAsyncProjectionShardNames().Single(s => s.Name == ReadModelsProjection.ProjectionName);
        return await store.Advanced.ProjectionProgressFor(shard);
    }

    private static void Raise(ref long value, long candidate)
    {
        var current = Interlocked.Read(ref value);
        while (candidate > current)
        {
            var seen = Interlocked.CompareExchange(ref value, candidate, current);
            if (seen == current) return;
            current = seen;
        }
    }
}

/// <summary>Emptying the store starts the sequence of events again: Marten runs this after it resets its data.</summary>
public sealed class ForgetWritesOnReset(ReadYourWrites reads) : Marten.Schema.IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        reads.Forget();
        return Task.CompletedTask;
    }
}

/// <summary>At start, before the first answer, every event already stored becomes one the answers must include.</summary>
public sealed class ReadYourWritesAtStart(ReadYourWrites reads, IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellation) => reads.StartAsync(store, cancellation);

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
