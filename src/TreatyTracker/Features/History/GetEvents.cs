using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Features.History;
using Wolverine.Http;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.History;

/// <summary>The record as recorded, in recording order: id, version, when and by whom, retracted or not.</summary>
public static class GetEventsEndpoint
{
    [WolverineGet("/api/treaties/{id}/events", Name = "GetEvents")]
    [EndpointSummary("The treaty's record as recorded")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation)
    {
        return await session.Events.FetchStreamAsync(id, token: cancellation) is { Count: > 0 } stream
            ? JsonAnswer.Of(TreatyHistory.Entries(stream)).AsResult()
            : Problems.TreatyNotFound(id).AsResult();
    }

    [WolverineGet("/api/treaties/{id}/events/{eventId}", Name = "GetEvent")]
    [EndpointSummary("One recorded event")]
    [ProducesResponseType<HistoryEntry>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> GetOne(string id, Guid eventId, IQuerySession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (stream.Count == 0) return Problems.TreatyNotFound(id).AsResult();

        var recorded = TreatyHistory.Entries(stream).FirstOrDefault(e => e.Id == eventId);
        return recorded is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown event", detail: $"Treaty '{id}' has no event {eventId}.")
            : Results.Ok(recorded);
    }
}
