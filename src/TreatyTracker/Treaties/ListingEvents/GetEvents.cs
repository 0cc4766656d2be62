using Microsoft.AspNetCore.Mvc;
using Marten;
using TreatyTracker.Api;
using Wolverine.Http;

namespace TreatyTracker.Treaties.ListingEvents;

/// <summary>One event as it was recorded, in recording order: what the archive was told, and when.</summary>
public sealed record RecordedEventResponse(
    Guid Id,
    long Version,
    string Type,
    DateOnly On,
    DateTimeOffset RecordedAt,
    bool Retracted,
    Guid? RetractedBy,
    string? RecordedBy,
    string? CorrelationId,
    TreatyEvent Event)
{
    public static IReadOnlyList<RecordedEventResponse> ListFrom(Treaty treaty)
    {
        var retractedBy = treaty.Facts
            .Where(f => f.Event is EventRetracted)
            .GroupBy(f => ((EventRetracted)f.Event).EventId)
            .ToDictionary(g => g.Key, g => g.First().Id);

        return treaty.Facts
            .Select(f => new RecordedEventResponse(f.Id, f.Version, TreatyEventTypes.NameOf(f.Event), f.Event.On, f.RecordedAt,
                retractedBy.ContainsKey(f.Id), retractedBy.TryGetValue(f.Id, out var by) ? by : null,
                f.RecordedBy, f.CorrelationId, f.Event))
            .ToList();
    }
}

public static class GetEventsEndpoint
{
    [WolverineGet("/api/treaties/{id}/events", Name = "GetEvents")]
    [ProducesResponseType<IReadOnlyList<RecordedEventResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation)
    {
        var treaty = await session.LoadAsync<Treaty>(id, cancellation);
        return treaty is null ? Problems.TreatyNotFound(id).AsResult() : Results.Ok(RecordedEventResponse.ListFrom(treaty));
    }

    [WolverineGet("/api/treaties/{id}/events/{eventId}", Name = "GetEvent")]
    [ProducesResponseType<RecordedEventResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> GetOne(string id, Guid eventId, IQuerySession session, CancellationToken cancellation)
    {
        var treaty = await session.LoadAsync<Treaty>(id, cancellation);
        if (treaty is null) return Problems.TreatyNotFound(id).AsResult();

        var recorded = RecordedEventResponse.ListFrom(treaty).FirstOrDefault(e => e.Id == eventId);
        return recorded is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown event",
                detail: $"Treaty '{id}' has no event {eventId}.")
            : Results.Ok(recorded);
    }
}
