using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TreatyTracker.Live;

/// <summary>What an open dashboard needs to hear: this treaty's record changed.</summary>
public sealed record TreatyChanged(string TreatyId, int Events, DateTimeOffset At);

/// <summary>
/// Fans every change heard from PostgreSQL out to the dashboards listening in this process. A slow listener
/// loses the oldest notices, never blocks anybody.
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
