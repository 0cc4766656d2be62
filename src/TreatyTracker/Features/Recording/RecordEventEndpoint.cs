using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace TreatyTracker.Features.Recording;

public sealed record EventRecorded(string Url, string TreatyId, Guid EventId, long Version) : CreationResponse(Url)
{
    public static EventRecorded Of(string treatyId, RecordedFact fact) => new($"/api/treaties/{treatyId}/events/{fact.Id}", treatyId, fact.Id, fact.Version);
}

/// <summary>POST /api/treaties/{id}/events: one event, checked against the treaty's record, with what falls due with it.</summary>
public static class RecordEventEndpoint
{
    public static (Decision?, ProblemDetails) Validate(RecordEventRequest? request, Treaty treaty, HttpRequest http, TimeProvider clock) =>
        request is null ? (null, Problems.NoBody(RecordEvent.Refused))
        : ExpectedVersion.Problem(treaty.Version, request.Version, http) is { } stale ? (null, stale)
        : Problems.Checked(RecordEvent.Decide(treaty, request, clock.GetUtcNow()));

    [WolverinePost("/api/treaties/{id}/events", Name = "RecordEvent")]
    [HonoursIfMatch]
    [RecordEventExamples]
    [EndpointSummary("Record one event")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public static (EventRecorded, TreatyChange) Post(RecordEventRequest request,
        [ReadAggregate("id", OnMissing = OnMissing.ProblemDetailsWith404)] Treaty treaty, Decision decision) =>
        (EventRecorded.Of(treaty.Id, decision.Recorded[0]), new TreatyChange(decision));
}
