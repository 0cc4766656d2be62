using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;
using TreatyTracker.Treaties.ActingOnDeadlines;
using TreatyTracker.Treaties.Status;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace TreatyTracker.Treaties.Recording;

public sealed record EventRecorded(string Url, string TreatyId, Guid EventId, long Version) : CreationResponse(Url);

/// <summary>The decision to record one event: the event, or the problem that stops it. Pure: no I/O.</summary>
public sealed record RecordDecision(TreatyEvent? Event, ProblemDetails? Problem);

public static class RecordEvent
{
    private const string Refused = "The event cannot be recorded";

    public static RecordDecision Decide(Treaty treaty, RecordEventRequest request)
    {
        var (fact, errors) = EventRequestMapping.ToEvent(request, treaty);
        if (fact is null) return new(null, Problems.Invalid(Refused, errors));

        var problem = Check(treaty, fact);
        return problem is null ? new(fact, null) : new(null, problem);
    }

    /// <summary>Whether a well-formed fact fits the treaty's record; null when it does.</summary>
    public static ProblemDetails? Check(Treaty treaty, TreatyEvent fact)
    {
        if (fact is EventRetracted retraction && RetractionProblem(treaty, retraction) is { } retractionProblem)
            return Problems.Invalid(Refused, "eventId", retractionProblem);

        var conflicts = NewIssues(treaty, fact);
        return conflicts.Count == 0
            ? null
            : Problems.Invalid(Refused, new Dictionary<string, string[]> { ["event"] = conflicts.ToArray() });
    }

    private static string? RetractionProblem(Treaty treaty, EventRetracted retraction)
    {
        var target = treaty.FindFact(retraction.EventId);
        if (target is null) return $"no event {retraction.EventId} is recorded for treaty '{treaty.Id}'";
        if (target.Event is EventRetracted) return "a retraction cannot be retracted; record the event again instead";
        if (treaty.Facts.Any(f => f.Event is EventRetracted r && r.EventId == retraction.EventId))
            return $"event {retraction.EventId} is already retracted";
        return null;
    }

    /// <summary>
    /// The status rules run over the record with and without the new fact: whatever the new fact makes
    /// inconsistent — itself, or a later fact it would contradict — stops it.
    /// </summary>
    private static List<string> NewIssues(Treaty treaty, TreatyEvent fact)
    {
        var before = StatusFold.Fold(treaty).Issues.ToHashSet();
        var candidate = treaty.Record(fact, Guid.NewGuid(), DateTimeOffset.MaxValue);
        var candidateId = candidate.Facts[^1].Id;

        return StatusFold.Fold(candidate).Issues
            .Where(issue => !before.Contains(issue))
            .Select(issue => issue.EventId == candidateId
                ? issue.Message
                : $"it would contradict {Describe(treaty.FindFact(issue.EventId)!)}: {issue.Message}")
            .ToList();
    }

    private static string Describe(RecordedFact fact) =>
        $"the '{TreatyEventTypes.NameOf(fact.Event)}' event of {fact.Event.On:yyyy-MM-dd} ({fact.Id})";
}

public static class RecordEventEndpoint
{
    public static ProblemDetails Validate(RecordEventRequest? request, Treaty treaty, HttpRequest http) =>
        request is null ? Problems.NoBody("The event cannot be recorded") :
        ExpectedVersion.Problem(treaty.StreamVersion, request.Version, http)
        ?? RecordEvent.Decide(treaty, request).Problem
        ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/treaties/{id}/events", Name = "RecordEvent")]
    public static (EventRecorded, Events, OutgoingMessages) Post(
        RecordEventRequest request,
        [WriteAggregate("id", OnMissing = OnMissing.ProblemDetailsWith404)] Treaty treaty,
        TimeProvider clock)
    {
        var fact = RecordEvent.Decide(treaty, request).Event!;
        var eventId = Guid.CreateVersion7();
        var recorded = new EventRecorded($"/api/treaties/{treaty.Id}/events/{eventId}", treaty.Id, eventId, treaty.StreamVersion + 1);
        var after = treaty.Record(fact, eventId, clock.GetUtcNow());
        return (recorded, [TreatyEventTypes.ToMartenEvent(fact, eventId)], TransitionsDue.ScheduleNew(treaty, after));
    }
}
