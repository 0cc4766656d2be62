using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TreatyTracker.Hosting.Live;

/// <summary>What an open dashboard needs to hear: this treaty's read models now follow its record up to <c>Version</c>.</summary>
public sealed record TreatyChanged(string TreatyId, long Version, DateTimeOffset At);

/// <summary>
/// Fans every change heard from PostgreSQL out to the dashboards listening in this process. A slow listener
/// loses the oldest notices, never blocks anybody.
/// </summary>
public sealed class ChangeFeed
{
    private readonly ConcurrentDictionary<Guid, Channel<TreatyChanged>> _listeners = new();

    /// <summary>How many are listening now.</summary>
    public int Listeners => _listeners.Count;

    public void Publish(TreatyChanged change)
    {
        foreach (var listener in _listeners.Values) listener.Writer.TryWrite(change);
    }

    /// <summary>Listens from this call on, so that nothing published after it is missed, until disposed.</summary>
    public Listener Listen()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<TreatyChanged>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        return new Listener(channel.Reader, () => _listeners.TryRemove(id, out _));
    }

    public sealed class Listener(ChannelReader<TreatyChanged> changes, Action stop) : IDisposable
    {
        public IAsyncEnumerable<TreatyChanged> Changes(CancellationToken cancellation) => changes.ReadAllAsync(cancellation);

        public void Dispose() => stop();
    }
}
