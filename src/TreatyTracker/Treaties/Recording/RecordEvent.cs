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

/// <summary>The decision to record one event: the event and the record with it, or the problem that stops it. Pure: no I/O.</summary>
public sealed record RecordDecision(TreatyEvent? Event, ProblemDetails? Problem, Treaty? After = null);

public static class RecordEvent
{
    private const string Refused = "The event cannot be recorded";

    /// <param name="eventId">The id the event will be recorded with, when known: <c>After</c> is then the record as it will be.</param>
    public static RecordDecision Decide(Treaty treaty, RecordEventRequest request, Guid? eventId = null, DateTimeOffset? recordedAt = null)
    {
        var (fact, errors) = EventRequestMapping.ToEvent(request, treaty);
        if (fact is null) return new(null, Problems.Invalid(Refused, errors));

        var after = treaty.Record(fact, eventId ?? Guid.NewGuid(), recordedAt ?? DateTimeOffset.MaxValue);
        var problem = Check(treaty, fact, after);
        return problem is null ? new(fact, null, after) : new(null, problem);
    }

    /// <summary>Whether a well-formed fact fits the treaty's record; null when it does.</summary>
    public static ProblemDetails? Check(Treaty treaty, TreatyEvent fact) =>
        Check(treaty, fact, treaty.Record(fact, Guid.NewGuid(), DateTimeOffset.MaxValue));

    private static ProblemDetails? Check(Treaty treaty, TreatyEvent fact, Treaty candidate)
    {
        if (fact is EventRetracted retraction && RetractionProblem(treaty, retraction) is { } retractionProblem)
            return Problems.Invalid(Refused, "eventId", retractionProblem);

        var conflicts = NewIssues(treaty, candidate);
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
    private static List<string> NewIssues(Treaty treaty, Treaty candidate)
    {
        var before = StatusFold.Fold(treaty).Issues.ToHashSet();
        var candidateId = candidate.Facts[^1].Id;

        return StatusFold.FoldAfter(treaty, candidate).Issues
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
        // Validate decided that the request can be recorded; here it only becomes the event.
        var fact = EventRequestMapping.ToEvent(request, treaty).Event!;
        var eventId = Guid.CreateVersion7();
        var recorded = new EventRecorded($"/api/treaties/{treaty.Id}/events/{eventId}", treaty.Id, eventId, treaty.StreamVersion + 1);
        var after = treaty.Record(fact, eventId, clock.GetUtcNow());
        return (recorded, [TreatyEventTypes.ToMartenEvent(fact, eventId)], TransitionsDue.ScheduleNew(treaty, after));
    }
}
