using Microsoft.AspNetCore.Mvc;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Wolverine.Http;

namespace TreatyTracker.Hosting.Live;

public static class StreamChangesEndpoint
{
    /// <summary>
    /// Server-Sent Events: <c>ready</c> at once (so the browser knows it is connected), then one
    /// <c>treaty-changed</c> message per commit that recorded events.
    /// </summary>
    [WolverineGet("/api/changes", Name = "StreamChanges")]
    [EndpointSummary("Hear of every commit that records events (Server-Sent Events)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/event-stream")]
    public static IResult Get(ChangeFeed feed, TimeProvider clock, CancellationToken cancellation) =>
        TypedResults.ServerSentEvents(Stream(feed, clock, cancellation));

    public static async IAsyncEnumerable<SseItem<TreatyChanged>> Stream(ChangeFeed feed, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        // Listening before "ready" is sent: a change committed as soon as the client reads it still reaches it.
        using var listener = feed.Listen();
        yield return new SseItem<TreatyChanged>(new TreatyChanged("", 0, clock.GetUtcNow()), "ready");
        await foreach (var change in listener.Changes(cancellation))
            yield return new SseItem<TreatyChanged>(change, "treaty-changed");
    }
}
