namespace TreatyTracker.Treaties.Rules;

/// <summary>
/// The status rules: a pure fold of a treaty's facts in order of the day they happened (never in order of
/// recording), which yields the treaty's and every party's status intervals, the transitions that follow
/// on their own (a notice running out, a term ending) and the facts that do not fit what came before.
/// Retracted facts do not count, and neither do the consequences the server records (<see cref="IConsequence"/>):
/// the rules derive those from their causes.
/// </summary>
public static class StatusFold
{
    /// <summary>A fold's result, with the state it was in after its last fact, from which a longer record continues.</summary>
    public sealed class Folded
    {
        internal Folded(TreatyTimeline timeline, Folding afterLastFact, IReadOnlySet<Guid> retracted, int factCount, RecordedFact? lastFact)
        {
            Timeline = timeline;
            AfterLastFact = afterLastFact;
            Retracted = retracted;
            FactCount = factCount;
            LastFact = lastFact;
        }

        public TreatyTimeline Timeline { get; }
        internal Folding AfterLastFact { get; }
        internal IReadOnlySet<Guid> Retracted { get; }
        internal int FactCount { get; }
        internal RecordedFact? LastFact { get; }
    }

    private static bool Counts(RecordedFact fact, IReadOnlySet<Guid> retracted) => Treaty.Stands(fact, retracted) && !fact.IsConsequence;

    public static Folded Fold(TreatyKind kind, IsoPeriod? term, IReadOnlyList<RecordedFact> facts)
    {
        var retracted = Treaty.Retracted(facts);
        var counting = facts
            .Where(f => Counts(f, retracted))
            .OrderBy(f => f.Event.On)
            .ThenBy(f => SameDayOrder(f.Event))
            .ThenBy(f => f.Version);

        var folding = new Folding(kind, term);
        foreach (var fact in counting)
        {
            folding.AdvanceTo(fact.Event.On);
            folding.Apply(fact);
        }
        return Finish(folding, retracted, facts);
    }

    /// <summary>
    /// The fold of <paramref name="facts"/>, which extend the facts <paramref name="start"/> folded, carried on from
    /// where it stopped; null when a new fact does not fall after every earlier one in fold order (it is backdated,
    /// or a retraction), and the record must be folded whole. The answer is the same either way.
    /// </summary>
    public static Folded? Continue(Folded start, IReadOnlyList<RecordedFact> facts)
    {
        if (facts.Count <= start.FactCount
            || (start.FactCount > 0 && !ReferenceEquals(facts[start.FactCount - 1], start.LastFact)))
            return null;

        var folding = start.AfterLastFact.Copy();
        for (var i = start.FactCount; i < facts.Count; i++)
        {
            var fact = facts[i];
            if (fact.IsConsequence) continue;
            if (!Treaty.Stands(fact, start.Retracted) || !folding.FallsAfterLastFact(fact)) return null;
            folding.AdvanceTo(fact.Event.On);
            folding.Apply(fact);
        }
        return Finish(folding, start.Retracted, facts);
    }

    /// <summary>Keeps the state after the last fact, then carries out (on a copy) the transitions still to come.</summary>
    private static Folded Finish(Folding folding, IReadOnlySet<Guid> retracted, IReadOnlyList<RecordedFact> facts)
    {
        var last = facts.Count > 0 ? facts[^1] : null;
        // The scope speaks of the record, not of a day: the last one recorded holds.
        var scope = facts.LastOrDefault(f => f.Event is ScopeStated && Treaty.Stands(f, retracted))?.Event as ScopeStated;
        if (!folding.HasTransitionsToCome) return new Folded(folding.Result() with { Scope = scope }, folding, retracted, facts.Count, last);
        var ended = folding.Copy();
        ended.AdvanceTo(DateOnly.MaxValue);
        return new Folded(ended.Result() with { Scope = scope }, folding, retracted, facts.Count, last);
    }

    /// <summary>Facts of one day are folded in the order the law runs, so recording order cannot change the answer.</summary>
    internal static int SameDayOrder(TreatyEvent fact) => fact switch
    {
        Signed => 0,
        ProvisionallyApplied => 1,
        Ratified or RatificationRevoked => 2,
        Acceded => 3,
        Succeeded => 4,
        EnteredIntoForce { Party: null } => 5,
        EnteredIntoForce => 6,
        TermExtended => 7,
        Statement or ViolationAlleged or Objection or WithdrawalAnnounced or SignatureRenounced or ScopeStated => 8,
        ParticipationSuspended => 9,
        ParticipationResumed => 10,
        WithdrawalNoticeGiven => 11,
        WithdrawalTookEffect => 12,
        Terminated => 13,
        Expired => 14,
        Superseded => 15,
        Abandoned => 16,
        _ => 17
    };
}
