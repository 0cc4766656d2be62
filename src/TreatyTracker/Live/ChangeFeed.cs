using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Marten;
using Marten.Services;

namespace TreatyTracker.Live;

/// <summary>What an open dashboard needs to hear: this treaty's record changed.</summary>
public sealed record TreatyChanged(string TreatyId, int Events, DateTimeOffset At);

/// <summary>
/// Fans out every committed append — through the API, an import, a deadline firing or the seeds — to the
/// dashboards listening in this process. A slow listener loses the oldest notices, never blocks a writer.
/// </summary>
public sealed class ChangeFeed
{
    private readonly ConcurrentDictionary<Guid, Channel<TreatyChanged>> _listeners = new();

    public void Publish(TreatyChanged change)
    {
        foreach (var listener in _listeners.Values) listener.Writer.TryWrite(change);
    }

    public async IAsyncEnumerable<TreatyChanged> ListenAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<TreatyChanged>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellation)) yield return change;
        }
        finally
        {
            _listeners.TryRemove(id, out _);
        }
    }
}

/// <summary>Marten tells the feed after each commit that appended events.</summary>
public sealed class ChangeFeedListener(ChangeFeed feed, TimeProvider clock) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var stream in commit.GetEvents().Where(e => e.StreamKey is not null).GroupBy(e => e.StreamKey!))
            feed.Publish(new TreatyChanged(stream.Key, stream.Count(), clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
