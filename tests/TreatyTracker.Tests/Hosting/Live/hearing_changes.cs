using TreatyTracker.Hosting.Live;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Live;

public class hearing_changes
{
    /// <summary>
    /// "ready" tells a dashboard (and the tests that wait on the feed) that it is connected: a change committed right
    /// after it must reach it. Once, under load, the three commits a test made after "ready" never arrived.
    /// </summary>
    [Fact]
    public async Task a_change_published_right_after_ready_is_heard()
    {
        var feed = new ChangeFeed();
        var cancellation = TestContext.Current.CancellationToken;
        await using var changes = StreamChangesEndpoint.Stream(feed, TimeProvider.System, cancellation).GetAsyncEnumerator(cancellation);

        Assert.True(await changes.MoveNextAsync());
        Assert.Equal("ready", changes.Current.EventType);

        feed.Publish(new TreatyChanged("inf", 1, DateTimeOffset.UtcNow));
        var next = changes.MoveNextAsync().AsTask();
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(5), cancellation)));
        Assert.True(await next);
        Assert.Equal("inf", changes.Current.Data.TreatyId);
    }

    [Fact]
    public async Task a_listener_that_stops_reading_is_no_longer_fed()
    {
        var feed = new ChangeFeed();
        var cancellation = TestContext.Current.CancellationToken;
        var changes = StreamChangesEndpoint.Stream(feed, TimeProvider.System, cancellation).GetAsyncEnumerator(cancellation);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(1, feed.Listeners);

        await changes.DisposeAsync();

        Assert.Equal(0, feed.Listeners);
    }
}
