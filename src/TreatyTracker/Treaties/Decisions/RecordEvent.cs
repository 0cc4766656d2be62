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
    public static Decision Fact(Decision decision, RecordEventRequest request, Guid eventId, DateTimeOffset now)
    {
        var treaty = decision.After!;
        var (fact, errors) = EventRequestMapping.ToEvent(request, treaty);
        if (fact is null) return decision.Refusing(new Refusal(Refused, errors));
        if (fact is EventRetracted retraction && RetractionProblem(treaty, retraction) is { } problem)
            return decision.Refusing(Refusal.Of(Refused, "eventId", problem));
        if (fact is IConsequence { FollowsFrom: { } cause } && !treaty.StandingFacts.Any(f => f.Id == cause))
            return decision.Refusing(Refusal.Of(Refused, "followsFrom", $"no standing event {cause} is recorded for treaty '{treaty.Id}'"));

        // The record as it stands is folded first, so that the record with the new fact continues its fold.
        var known = treaty.Timeline.Issues;
        var candidate = decision.Recording(fact, eventId, now);
        var conflicts = NewIssues(known, candidate.After!);
        return conflicts.Count == 0 ? candidate : decision.Refusing(new Refusal(Refused, new Dictionary<string, string[]> { ["event"] = conflicts.ToArray() }));
    }

    /// <summary>
    /// Whether the facts <paramref name="candidate"/> records fit together with the record they extend, checked all at once
    /// (a seed's corrections may only fit together); null when they do.
    /// </summary>
    public static Refusal? Check(Decision candidate)
    {
        var known = candidate.Before?.Timeline.Issues ?? [];
        var added = candidate.Recorded.Select(f => f.Id).ToHashSet();
        var after = candidate.After!;
        var conflicts = after.Timeline.Issues.Except(known)
            .Select(issue => added.Contains(issue.EventId)
                ? $"{Describe(after.FindFact(issue.EventId)!)}: {issue.Message}"
                : $"it would contradict {Describe(after.FindFact(issue.EventId)!)}: {issue.Message}")
            .ToArray();
        return conflicts.Length == 0 ? null : new Refusal(Refused, new Dictionary<string, string[]> { ["event"] = conflicts });
    }

    /// <summary>Whether a well-formed fact fits the record, as the rules find it; null when it does.</summary>
    public static Refusal? Fits(Treaty treaty, TreatyEvent fact)
    {
        var conflicts = NewIssues(treaty.Timeline.Issues, treaty.Record(fact, Guid.NewGuid(), DateTimeOffset.MaxValue));
        return conflicts.Count == 0 ? null : new Refusal(Refused, new Dictionary<string, string[]> { ["event"] = conflicts.ToArray() });
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
    /// The status rules run over the record with and without the new fact: whatever the new fact makes inconsistent
    /// (itself, or a later fact it would contradict) stops it.
    /// </summary>
    private static List<string> NewIssues(IEnumerable<FactIssue> known, Treaty after)
    {
        var before = known.ToHashSet();
        var newFact = after.Facts[^1].Id;
        return after.Timeline.Issues
            .Where(issue => !before.Contains(issue))
            .Select(issue => issue.EventId == newFact
                ? issue.Message
                : $"it would contradict {Describe(after.FindFact(issue.EventId)!)}: {issue.Message}")
            .ToList();
    }

    private static string Describe(RecordedFact fact) =>
        $"the '{TreatyEventTypes.NameOf(fact.Event)}' event of {fact.Event.On:yyyy-MM-dd} ({fact.Id})";
}
