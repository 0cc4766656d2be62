using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;
using TreatyTracker.Treaties.ActingOnDeadlines;
using TreatyTracker.Treaties.GettingStatus;
using Wolverine;
using TreatyTracker.Treaties.Recording;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace TreatyTracker.Treaties.Retracting;

public sealed record CorrectionRequest(string? Reason, DateOnly? On, string? Summary, CitationRequest? Source, RecordEventRequest? Event, long? Version = null);

public sealed record Corrected(string Url, string TreatyId, EventRecorded Retraction, EventRecorded Correction) : CreationResponse(Url);

/// <summary>Retract an event and record the corrected one in one atomic step: both, or neither.</summary>
public static class CorrectEvent
{
    public sealed record Decision(TreatyEvent? Retraction, TreatyEvent? Correction, ProblemDetails? Problem);

    public static Decision Decide(Treaty treaty, Guid eventId, CorrectionRequest request, DateOnly today)
    {
        if (request.Event is null)
            return new(null, null, Problems.Invalid("The correction cannot be recorded", "event", "is required: the corrected event"));

        var retraction = RecordEvent.Decide(treaty, new RetractionRequest(request.Reason, request.On, request.Summary, request.Source).AsEvent(eventId, today));
        if (retraction.Event is null) return new(null, null, retraction.Problem);

        var retracted = treaty.Record(retraction.Event, Guid.NewGuid(), DateTimeOffset.MaxValue);
        var correction = RecordEvent.Decide(retracted, request.Event);
        return correction.Event is null ? new(null, null, correction.Problem) : new(retraction.Event, correction.Event, null);
    }
}

public static class CorrectEventEndpoint
{
    public static ProblemDetails Validate(Guid eventId, CorrectionRequest? request, Treaty treaty, TimeProvider clock, HttpRequest http) =>
        request is null ? Problems.NoBody("The correction cannot be recorded") :
        ExpectedVersion.Problem(treaty.StreamVersion, request.Version, http)
        ?? CorrectEvent.Decide(treaty, eventId, request, Today.From(clock)).Problem
        ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/treaties/{id}/events/{eventId}/correction", Name = "CorrectEvent")]
    public static (Corrected, Events, OutgoingMessages) Post(
        Guid eventId,
        CorrectionRequest request,
        [WriteAggregate("id", OnMissing = OnMissing.ProblemDetailsWith404)] Treaty treaty,
        TimeProvider clock)
    {
        var decision = CorrectEvent.Decide(treaty, eventId, request, Today.From(clock));
        var retractionId = Guid.CreateVersion7();
        var correctionId = Guid.CreateVersion7();
        var retraction = new EventRecorded($"/api/treaties/{treaty.Id}/events/{retractionId}", treaty.Id, retractionId, treaty.StreamVersion + 1);
        var correction = new EventRecorded($"/api/treaties/{treaty.Id}/events/{correctionId}", treaty.Id, correctionId, treaty.StreamVersion + 2);
        var after = treaty.Record(decision.Retraction!, retractionId, clock.GetUtcNow()).Record(decision.Correction!, correctionId, clock.GetUtcNow());
        return (new Corrected(correction.Url, treaty.Id, retraction, correction),
            [TreatyEventTypes.ToMartenEvent(decision.Retraction!, retractionId), TreatyEventTypes.ToMartenEvent(decision.Correction!, correctionId)],
            TransitionsDue.ScheduleNew(treaty, after));
    }
}
