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

/// <summary>Retracts a recorded event: history is not rewritten, the retraction is itself a dated, cited event.</summary>
public sealed record RetractionRequest(string? Reason, DateOnly? On, string? Summary, CitationRequest? Source, long? Version = null)
{
    public RecordEventRequest AsEvent(Guid eventId, DateOnly today) => new()
    {
        Type = "event-retracted", EventId = eventId, Reason = Reason, On = On ?? today, Summary = Summary, Source = Source
    };
}

public static class RetractEventEndpoint
{
    public static ProblemDetails Validate(Guid eventId, RetractionRequest? request, Treaty treaty, TimeProvider clock, HttpRequest http) =>
        request is null ? Problems.NoBody("The event cannot be retracted") :
        ExpectedVersion.Problem(treaty.StreamVersion, request.Version, http)
        ?? RecordEvent.Decide(treaty, request.AsEvent(eventId, Today.From(clock))).Problem
        ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/treaties/{id}/events/{eventId}/retraction", Name = "RetractEvent")]
    public static (EventRecorded, Events, OutgoingMessages) Post(
        Guid eventId,
        RetractionRequest request,
        [WriteAggregate("id", OnMissing = OnMissing.ProblemDetailsWith404)] Treaty treaty,
        TimeProvider clock)
    {
        var retraction = RecordEvent.Decide(treaty, request.AsEvent(eventId, Today.From(clock))).Event!;
        var retractionId = Guid.CreateVersion7();
        var after = treaty.Record(retraction, retractionId, clock.GetUtcNow());
        return (new EventRecorded($"/api/treaties/{treaty.Id}/events/{retractionId}", treaty.Id, retractionId, treaty.StreamVersion + 1),
            [TreatyEventTypes.ToMartenEvent(retraction, retractionId)], TransitionsDue.ScheduleNew(treaty, after));
    }
}
