using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Treaties.Decisions;

/// <summary>
/// What a deadline leads to when it falls due: a notice running out records the withdrawal taking effect (and, in a
/// bilateral treaty, its termination); a term running out records the expiry. These consequences follow their causes:
/// each says what it follows from, and when its cause is retracted or corrected, or a later fact moves or cancels what
/// was due, it is retracted, and whatever is due instead is recorded. A write records all this with its own facts; a
/// deadline still to come is recorded on its day, by a reminder.
/// </summary>
public static class DeadlineRules
{
    /// <summary>Whether the record states the transition the deadline stands for: as its consequence, or as a fact of its own.</summary>
    public static bool IsRecorded(Treaty treaty, Deadline deadline) => treaty.StandingFacts.Any(f => f.IsConsequence
        ? Represents(f.Event, deadline, treaty.Terms.Kind)
        : f.Event.On == deadline.On && deadline.Kind switch
        {
            DeadlineKind.WithdrawalTakesEffect => f.Event is WithdrawalTookEffect took && took.Party == deadline.Party,
            _ => f.Event is Expired
        });

    /// <summary>What falls due by <paramref name="now"/> on the record as it stands, with nothing else to record.</summary>
    public static Decision Due(Treaty treaty, DateTimeOffset now) => FallingDue(Decision.About(treaty), now);

    /// <summary>
    /// The decision, followed by the retraction of every consequence it leaves without a cause, then by the consequences
    /// of the deadlines it leaves due by <paramref name="now"/> that the record does not state yet.
    /// </summary>
    public static Decision FallingDue(Decision decision, DateTimeOffset now)
    {
        if (decision.After is not { } treaty) return decision;
        var today = Today.Of(now);
        var due = treaty.Timeline.Deadlines.Where(d => d.On <= today).OrderBy(d => d.On).ToList();

        foreach (var stale in treaty.StandingFacts.Where(f => f.IsConsequence && !due.Any(d => Represents(f.Event, d, treaty.Terms.Kind))).ToList())
            decision = decision.Recording(new EventRetracted(stale.Id, WhyNoLonger(decision.After!, stale)) { On = today }, Guid.CreateVersion7(), now);

        foreach (var deadline in due)
            if (!IsRecorded(decision.After!, deadline))
                foreach (var fact in Transition(decision.After!, deadline))
                    decision = decision.Recording(fact, Guid.CreateVersion7(), now);
        return decision;
    }

    /// <summary>
    /// Why a consequence recorded by hand (an import of an export, say) cannot say it follows from its <c>FollowsFrom</c>:
    /// the event must be standing and make this very consequence due by <paramref name="today"/>, and the record must not
    /// state it yet. Null when it can.
    /// </summary>
    public static string? FollowsFromProblem(Treaty treaty, TreatyEvent consequence, DateOnly today)
    {
        var cause = ((IConsequence)consequence).FollowsFrom!.Value;
        if (!treaty.StandingFacts.Any(f => f.Id == cause)) return $"no standing event {cause} is recorded for treaty '{treaty.Id}'";
        var made = treaty.Timeline.Deadlines.Where(d => d.CausedBy == cause).ToList();
        if (made.FirstOrDefault(d => Represents(consequence, d, treaty.Terms.Kind)) is not { } deadline)
            return made.Count == 0
                ? $"event {cause} makes nothing due"
                : $"event {cause} makes due: {string.Join("; ", made.Select(Describe))}, not this '{TreatyEventTypes.NameOf(consequence)}' on {consequence.On:yyyy-MM-dd}";
        if (deadline.On > today) return $"{Describe(deadline)} is still to come: it is recorded on its day";
        return treaty.StandingFacts.FirstOrDefault(f => f.IsConsequence && f.Event.GetType() == consequence.GetType() && Represents(f.Event, deadline, treaty.Terms.Kind))
            is { } recorded ? $"is already recorded as event {recorded.Id}" : null;
    }

    /// <summary>Whether a recorded consequence still follows from the record by <paramref name="today"/>: retracting it would change nothing.</summary>
    public static bool StillDue(Treaty treaty, RecordedFact consequence, DateOnly today) =>
        consequence.IsConsequence && treaty.Timeline.Deadlines.Any(d => d.On <= today && Represents(consequence.Event, d, treaty.Terms.Kind));

    private static string Describe(Deadline deadline) => deadline.Kind == DeadlineKind.Expiry
        ? $"the expiry on {deadline.On:yyyy-MM-dd}"
        : $"the withdrawal of {deadline.Party} on {deadline.On:yyyy-MM-dd}";

    /// <summary>Whether a consequence is the one <paramref name="deadline"/> makes due.</summary>
    private static bool Represents(TreatyEvent consequence, Deadline deadline, TreatyKind kind)
    {
        var follows = ((IConsequence)consequence).FollowsFrom;
        if (consequence.On != deadline.On || (follows is not null && follows != deadline.CausedBy)) return false;
        return consequence switch
        {
            WithdrawalTookEffect took => deadline.Kind == DeadlineKind.WithdrawalTakesEffect && took.Party == deadline.Party,
            Terminated => deadline.Kind == DeadlineKind.WithdrawalTakesEffect && kind == TreatyKind.Bilateral,
            Expired => deadline.Kind == DeadlineKind.Expiry,
            _ => false
        };
    }

    private static string WhyNoLonger(Treaty treaty, RecordedFact stale)
    {
        var cause = ((IConsequence)stale.Event).FollowsFrom is { } id ? treaty.FindFact(id) : null;
        if (cause is null) return "No longer follows from the record: nothing recorded makes it due on this day.";
        var named = $"the '{TreatyEventTypes.NameOf(cause.Event)}' event of {cause.Event.On:yyyy-MM-dd}";
        return treaty.StandingFacts.Contains(cause)
            ? $"No longer follows: a later fact moved or cancelled what {named} made due."
            : $"No longer follows: {named} it followed from was retracted or corrected.";
    }

    private static TreatyEvent[] Transition(Treaty treaty, Deadline deadline)
    {
        var cause = treaty.FindFact(deadline.CausedBy)?.Event;
        if (deadline.Kind == DeadlineKind.Expiry)
            return [new Expired { On = deadline.On, FollowsFrom = deadline.CausedBy, Summary = $"Recorded on its own: the term ran out (expiry set on {cause?.On:yyyy-MM-dd})." }];

        var took = new WithdrawalTookEffect(deadline.Party!)
        {
            On = deadline.On, FollowsFrom = deadline.CausedBy,
            Summary = $"Recorded on its own: the notice of withdrawal given on {cause?.On:yyyy-MM-dd} ran out."
        };
        return treaty.Terms.Kind == TreatyKind.Bilateral && !treaty.StandingFacts.Any(f => f.Event is Terminated)
            ? [took, new Terminated { On = deadline.On, FollowsFrom = deadline.CausedBy, Summary = $"Recorded on its own: the withdrawal of {deadline.Party} ended the bilateral treaty." }]
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
