using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.Recording;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace TreatyTracker.Features.Correcting;

/// <summary>POST …/events/{eventId}/retraction: the event stops counting; the retraction is itself a dated, cited event.</summary>
public static class RetractEventEndpoint
{
    public static (Decision?, ProblemDetails) Validate(Guid eventId, RetractionRequest? request, Treaty treaty, HttpRequest http, TimeProvider clock) =>
        request is null ? (null, Problems.NoBody("The event cannot be retracted"))
        : ExpectedVersion.Problem(treaty.Version, request.Version, http) is { } stale ? (null, stale)
        : Problems.Checked(RetractEvent.Decide(treaty, eventId, request, clock.GetUtcNow()));

    [WolverinePost("/api/treaties/{id}/events/{eventId}/retraction", Name = "RetractEvent")]
    [HonoursIfMatch]
    [EndpointSummary("Retract an event")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public static (EventRecorded, TreatyChange) Post(Guid eventId, RetractionRequest request,
        [ReadAggregate("id", OnMissing = OnMissing.ProblemDetailsWith404)] Treaty treaty, Decision decision) =>
        (EventRecorded.Of(treaty.Id, decision.Recorded[0]), new TreatyChange(decision));
}
