using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Treaties.Decisions;

/// <summary>The decision to record one event, and what falls due with it.</summary>
public static class RecordEvent
{
    public const string Refused = "The event cannot be recorded";

    /// <summary>The event <paramref name="request"/> asks for, checked against the record, then the deadlines it leaves due by <paramref name="now"/>.</summary>
    public static Decision Decide(Treaty treaty, RecordEventRequest request, DateTimeOffset now) =>
        Fact(Decision.About(treaty), request, Guid.CreateVersion7(), now).Then(decided => DeadlineRules.FallingDue(decided, now));

    /// <summary>One more fact, decided against the record as <paramref name="decision"/> leaves it.</summary>
    public static Decision Fact(Decision decision, RecordEventRequest request, Guid eventId, DateTimeOffset now) =>
        Mapped(decision, request, eventId, now).Then(candidate => Fitting(decision.After!, candidate));

    /// <summary>
    /// One more fact as the request states it, checked on its own terms (its fields, the event it retracts or follows
    /// from) but not yet against the status rules: facts that only fit together are then checked at once (<see cref="Fitting"/>).
    /// </summary>
    public static Decision Mapped(Decision decision, RecordEventRequest request, Guid eventId, DateTimeOffset now, string title = Refused)
    {
        var treaty = decision.After!;
        var today = Today.Of(now);
        var (fact, errors) = EventRequestMapping.ToEvent(request, treaty);
        if (fact is null) return decision.Refusing(new Refusal(title, errors));
        if (fact is EventRetracted retraction && RetractionProblem(treaty, retraction, today) is { } problem)
            return decision.Refusing(Refusal.Of(title, "eventId", problem));
        if (fact is IConsequence { FollowsFrom: not null } && DeadlineRules.FollowsFromProblem(treaty, fact, today) is { } unfounded)
            return decision.Refusing(Refusal.Of(title, "followsFrom", unfounded));
        return decision.Recording(fact, eventId, now);
    }

    /// <summary>
    /// The candidate, unless the facts it adds to <paramref name="before"/> make the record inconsistent: the status rules run
    /// over the record with and without them, and whatever they make wrong (themselves, or a later fact) stops them all.
    /// </summary>
    public static Decision Fitting(Treaty before, Decision candidate, string title = Refused)
    {
        var after = candidate.After!;
        var issues = NewIssues(before, after);
        if (issues.Count == 0) return candidate;
        var added = after.Facts.Skip(before.Facts.Count).Select(f => f.Id).ToHashSet();
        var messages = issues.Select(issue => !added.Contains(issue.EventId)
            ? $"it would contradict {Describe(after.FindFact(issue.EventId)!)}: {issue.Message}"
            : added.Count == 1 ? issue.Message : $"{Describe(after.FindFact(issue.EventId)!)}: {issue.Message}");
        return candidate.Refusing(new Refusal(title, new Dictionary<string, string[]> { ["event"] = messages.ToArray() }));
    }

    /// <summary>The issues the status rules find in <paramref name="after"/> with facts that had none in <paramref name="before"/>.</summary>
    public static IReadOnlyList<FactIssue> NewIssues(Treaty before, Treaty after)
    {
        var atFault = before.Timeline.Issues.Select(i => i.EventId).ToHashSet();
        return after.Timeline.Issues.Where(i => !atFault.Contains(i.EventId)).ToList();
    }

    private static string? RetractionProblem(Treaty treaty, EventRetracted retraction, DateOnly today)
    {
        var target = treaty.FindFact(retraction.EventId);
        if (target is null) return $"no event {retraction.EventId} is recorded for treaty '{treaty.Id}'";
        if (target.Event is EventRetracted) return "a retraction cannot be retracted; record the event again instead";
        if (treaty.Facts.Any(f => f.Event is EventRetracted r && r.EventId == retraction.EventId))
            return $"event {retraction.EventId} is already retracted";
        if (DeadlineRules.StillDue(treaty, target, today))
            return $"event {retraction.EventId} was recorded by the server as a consequence, and the record still makes it due: retract or correct the fact it follows from";
        return null;
    }

    private static string Describe(RecordedFact fact) =>
        $"the '{TreatyEventTypes.NameOf(fact.Event)}' event of {fact.Event.On:yyyy-MM-dd} ({fact.Id})";
}
