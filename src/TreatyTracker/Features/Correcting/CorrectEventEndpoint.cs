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

public sealed record Corrected(string Url, string TreatyId, EventRecorded Retraction, EventRecorded Correction) : CreationResponse(Url);

/// <summary>POST …/events/{eventId}/correction: retracts the event and records the corrected one atomically, both or neither.</summary>
public static class CorrectEventEndpoint
{
    public static (Decision?, ProblemDetails) Validate(Guid eventId, CorrectionRequest? request, Treaty treaty, HttpRequest http, TimeProvider clock) =>
        request is null ? (null, Problems.NoBody(CorrectEvent.Refused))
        : ExpectedVersion.Problem(treaty.Version, request.Version, http) is { } stale ? (null, stale)
        : Problems.Checked(CorrectEvent.Decide(treaty, eventId, request, clock.GetUtcNow()));

    [WolverinePost("/api/treaties/{id}/events/{eventId}/correction", Name = "CorrectEvent")]
    [HonoursIfMatch]
    [EndpointSummary("Retract an event and record its correction, both or neither")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public static (Corrected, TreatyChange) Post(Guid eventId, CorrectionRequest request,
        [ReadAggregate("id", OnMissing = OnMissing.ProblemDetailsWith404)] Treaty treaty, Decision decision)
    {
        var (retraction, correction) = (EventRecorded.Of(treaty.Id, decision.Recorded[0]), EventRecorded.Of(treaty.Id, decision.Recorded[1]));
        return (new Corrected(correction.Url, treaty.Id, retraction, correction), new TreatyChange(decision));
    }
}
