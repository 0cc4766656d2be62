using Marten;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.Recording;
using TreatyTracker.Treaties.Status;
using Wolverine;
using Wolverine.Marten;

namespace TreatyTracker.Treaties.ActingOnDeadlines;

/// <summary>
/// A durable, scheduled message: on the day a notice runs out or a term ends, record the transition. It is a
/// reminder, not a fact: when it fires, the treaty's record decides whether anything is still due.
/// </summary>
public sealed record RecordDueTransition(string TreatyId, DateOnly On, DeadlineKind Kind, string? Party)
{
    /// <summary>Deadlines fall due at the start of their day, UTC.</summary>
    public DateTimeOffset DueAt => new(On.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static RecordDueTransition For(string treatyId, Deadline deadline) => new(treatyId, deadline.On, deadline.Kind, deadline.Party);
}

public static class TransitionsDue
{
    /// <summary>Whether the record already states the transition the deadline stands for.</summary>
    public static bool IsRecorded(Treaty treaty, Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.WithdrawalTakesEffect => treaty.StandingFacts.Any(f => f.Event is WithdrawalTookEffect took && took.Party == deadline.Party),
        DeadlineKind.Expiry => treaty.StandingFacts.Any(f => f.Event is Expired),
        _ => false
    };

    /// <summary>The events to record for a reminder that fired on <paramref name="today"/>: none if it is early or stale.</summary>
    public static IReadOnlyList<TreatyEvent> Decide(Treaty treaty, RecordDueTransition due, DateOnly today)
    {
        if (due.On > today) return [];
        var timeline = StatusFold.Fold(treaty);
        var deadline = timeline.Deadlines.FirstOrDefault(d => d.On == due.On && d.Kind == due.Kind && d.Party == due.Party);
        if (deadline is null || IsRecorded(treaty, deadline)) return [];

        var cause = treaty.FindFact(deadline.CausedBy)?.Event;
        TreatyEvent[] transition = deadline.Kind == DeadlineKind.Expiry
            ? [new Expired { On = due.On, Summary = $"Recorded on its own: the term ran out (expiry set on {cause?.On:yyyy-MM-dd})." }]
            : treaty.Kind == TreatyKind.Bilateral && !treaty.StandingFacts.Any(f => f.Event is Terminated)
                ? [Took(due, cause), new Terminated { On = due.On, Summary = $"Recorded on its own: the withdrawal of {due.Party} ended the bilateral treaty." }]
                : [Took(due, cause)];

        var record = treaty;
        foreach (var fact in transition)
        {
            if (RecordEvent.Check(record, fact) is not null) return [];
            record = record.Record(fact, Guid.NewGuid(), DateTimeOffset.MaxValue);
        }
        return transition;
    }

    private static WithdrawalTookEffect Took(RecordDueTransition due, TreatyEvent? notice) =>
        new(due.Party!) { On = due.On, Summary = $"Recorded on its own: the notice of withdrawal given on {notice?.On:yyyy-MM-dd} ran out." };

    /// <summary>Reminders for the deadlines that <paramref name="after"/> has and <paramref name="before"/> had not.</summary>
    public static IReadOnlyList<RecordDueTransition> NewReminders(Treaty before, Treaty after)
    {
        var known = StatusFold.Fold(before).Deadlines.Select(d => (d.On, d.Kind, d.Party)).ToHashSet();
        return StatusFold.Fold(after).Deadlines
            .Where(d => !known.Contains((d.On, d.Kind, d.Party)) && !IsRecorded(after, d))
            .Select(d => RecordDueTransition.For(after.Id, d))
            .ToList();
    }

    /// <summary>The same reminders as messages scheduled for their day, for an endpoint to return.</summary>
    public static OutgoingMessages ScheduleNew(Treaty before, Treaty after)
    {
        var messages = new OutgoingMessages();
        foreach (var due in NewReminders(before, after)) messages.Add(due.ScheduledAt(due.DueAt));
        return messages;
    }
}

public static class RecordDueTransitionHandler
{
    public const string RecordedBy = "treatytracker (deadline)";

    public static Events Handle(RecordDueTransition due, [WriteAggregate] Treaty treaty, TimeProvider clock, IDocumentSession session)
    {
        session.LastModifiedBy = RecordedBy;
        var events = new Events();
        foreach (var fact in TransitionsDue.Decide(treaty, due, Today.From(clock)))
            events.Add(TreatyEventTypes.ToMartenEvent(fact, Guid.CreateVersion7()));
        return events;
    }
}
