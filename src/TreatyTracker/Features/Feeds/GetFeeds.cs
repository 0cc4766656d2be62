using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.Record;
using TreatyTracker.Features.States;
using TreatyTracker.Features.Status;
using TreatyTracker.Http;
using Wolverine.Http;

namespace TreatyTracker.Features.Feeds;

/// <summary>
/// Atom feeds of what is new in the record: the newest <see cref="AtomFeed.Size"/> recorded events, newest first, of
/// every treaty, of one treaty, or naming one state (by any of its names), read as <c>GET /api/record</c> reads them.
/// </summary>
public static class GetFeedsEndpoint
{
    private const string Atom = AtomFeed.ContentType;
    private const string Described = "The newest 50 recorded events, newest first, as an Atom feed (RFC 4287): each entry's id is the urn:uuid: of the " +
        "event's id, its title the event in plain words, its category the event type, its links the dashboard's page of the treaty on the event's " +
        "date, the event in the API and its sources. If-Modified-Since is answered with a 304 when nothing in the feed was recorded after it.";

    [WolverineGet("/api/feeds/record.atom", Name = "GetRecordFeed")]
    [EndpointSummary("Atom feed of the newest events recorded in any treaty")]
    [EndpointDescription(Described)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, Atom)]
    public static Task<IResult> GetRecord(HttpRequest http, IQuerySession session, CancellationToken cancellation) =>
        AnswerAsync(http, session, new FeedHead("record", "TreatyTracker: what is new in the record",
            $"The newest {AtomFeed.Size} events recorded in any treaty, newest first.", "/record", DateTimeOffset.UnixEpoch), new RecordQuery(), cancellation);

    [WolverineGet("/api/feeds/treaties/{id}.atom", Name = "GetTreatyFeed")]
    [EndpointSummary("Atom feed of the newest events recorded in a treaty")]
    [EndpointDescription(Described)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, Atom)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> GetTreaty(string id, HttpRequest http, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<TreatyStatusView>(id, cancellation) is not { } treaty) return Problems.TreatyNotFound(id).AsResult();
        var head = new FeedHead($"treaty/{id}", $"TreatyTracker: what is new for {treaty.ShortName}",
            $"The newest {AtomFeed.Size} events recorded in the record of the {treaty.Name}, newest first.",
            $"/treaties/{Uri.EscapeDataString(id)}", treaty.RegisteredAt);
        return await AnswerAsync(http, session, head, new RecordQuery(Treaty: id), cancellation);
    }

    [WolverineGet("/api/feeds/states/{name}.atom", Name = "GetStateFeed")]
    [EndpointSummary("Atom feed of the newest events recorded that name a state, by any of its names")]
    [EndpointDescription(Described)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, Atom)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> GetState(string name, HttpRequest http, IQuerySession session, CancellationToken cancellation)
    {
        var names = await StateNamesRow.AllNamesOfAsync(session, name, cancellation);
        if (!await StateNamesRow.AnyTreatyNamesAsync(session, names, cancellation))
            return Problems.StateNotFound(name, null).AsResult();
        var others = names.Where(n => n != name).ToList();
        var head = new FeedHead($"state/{name}", $"TreatyTracker: what is new for {name}",
            $"The newest {AtomFeed.Size} events recorded in any treaty that name {name}{(others.Count > 0 ? $" (also named {string.Join(", ", others)})" : "")}, newest first.",
            $"/states/{Uri.EscapeDataString(name)}", DateTimeOffset.UnixEpoch);
        return await AnswerAsync(http, session, head, new RecordQuery(States: names), cancellation);
    }

    private static async Task<IResult> AnswerAsync(HttpRequest http, IQuerySession session, FeedHead head, RecordQuery query, CancellationToken cancellation)
    {
        var rows = await query.ReadAsync(session, 0, AtomFeed.Size + 1, cancellation);
        var entries = await FeedEntry.OfAsync(session, rows, AtomFeed.Size, cancellation);
        var site = Citing.Origin(http);
        var self = site + http.Path.ToUriComponent();
        return ConditionalGet.Result(ConditionalGet.Tagged(AtomFeed.Write(head, entries, site, self)), $"{Atom}; charset=utf-8", AtomFeed.Updated(head, entries));
    }
}
