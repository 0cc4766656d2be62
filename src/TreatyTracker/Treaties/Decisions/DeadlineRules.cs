using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Treaties.Decisions;

/// <summary>
/// What a deadline leads to when it falls due: a notice running out records the withdrawal taking effect (and, in a
/// bilateral treaty, its termination); a term running out records the expiry. A write records with its own facts the
/// deadlines they leave already due; a deadline still to come is recorded on its day, by a reminder.
/// </summary>
public static class DeadlineRules
{
    /// <summary>Whether the record already states the transition the deadline stands for.</summary>
    public static bool IsRecorded(Treaty treaty, Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.WithdrawalTakesEffect => treaty.StandingFacts.Any(f => f.Event is WithdrawalTookEffect took && took.Party == deadline.Party),
        DeadlineKind.Expiry => treaty.StandingFacts.Any(f => f.Event is Expired),
        _ => false
    };

    /// <summary>What falls due by <paramref name="now"/> on the record as it stands, with nothing else to record.</summary>
    public static Decision Due(Treaty treaty, DateTimeOffset now) => FallingDue(Decision.About(treaty), now);

    /// <summary>The decision, followed by the transitions its record leaves due by <paramref name="now"/> and not yet recorded.</summary>
    public static Decision FallingDue(Decision decision, DateTimeOffset now)
    {
        var today = Today.Of(now);
        while (decision.After is { } treaty && NextDue(treaty, today) is { } deadline)
        {
            var next = decision;
            foreach (var fact in Transition(treaty, deadline))
            {
                if (RecordEvent.Fits(next.After!, fact) is not null) return decision;
                next = next.Recording(fact, Guid.CreateVersion7(), now);
            }
            decision = next;
        }
        return decision;
    }

    private static Deadline? NextDue(Treaty treaty, DateOnly today) =>
        treaty.Timeline.Deadlines.Where(d => d.On <= today && !IsRecorded(treaty, d)).OrderBy(d => d.On).FirstOrDefault();

    private static TreatyEvent[] Transition(Treaty treaty, Deadline deadline)
    {
        var cause = treaty.FindFact(deadline.CausedBy)?.Event;
        if (deadline.Kind == DeadlineKind.Expiry)
            return [new Expired { On = deadline.On, Summary = $"Recorded on its own: the term ran out (expiry set on {cause?.On:yyyy-MM-dd})." }];

        var took = new WithdrawalTookEffect(deadline.Party!)
            { On = deadline.On, Summary = $"Recorded on its own: the notice of withdrawal given on {cause?.On:yyyy-MM-dd} ran out." };
        return treaty.Terms.Kind == TreatyKind.Bilateral && !treaty.StandingFacts.Any(f => f.Event is Terminated)
            ? [took, new Terminated { On = deadline.On, Summary = $"Recorded on its own: the withdrawal of {deadline.Party} ended the bilateral treaty." }]
            : [took];
    }

    /// <summary>The deadlines still to come after <paramref name="now"/> that the decision adds: each needs a reminder for its day.</summary>
    public static IReadOnlyList<Deadline> ToCome(Decision decision, DateTimeOffset now)
    {
        if (!decision.Records) return [];
        var today = Today.Of(now);
        var after = decision.After!;
        var known = (decision.Before?.Timeline.Deadlines ?? []).Select(d => (d.On, d.Kind, d.Party)).ToHashSet();
        return after.Timeline.Deadlines
            .Where(d => d.On > today && !known.Contains((d.On, d.Kind, d.Party)) && !IsRecorded(after, d))
            .ToList();
    }
}
