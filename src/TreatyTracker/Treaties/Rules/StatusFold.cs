namespace TreatyTracker.Treaties.Rules;

/// <summary>
/// The status rules: a pure fold of a treaty's facts in order of the day they happened (never in order of
/// recording), which yields the treaty's and every party's status intervals, the transitions that follow
/// on their own (a notice running out, a term ending) and the facts that do not fit what came before.
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

    /// <summary>Whether a record one fact longer continues the fold of the record it extends (else it is folded whole).</summary>
    public static bool ContinueFolds { get; set; } = true;

    public static Folded Fold(TreatyKind kind, IsoPeriod? term, IReadOnlyList<RecordedFact> facts)
    {
        var retracted = Treaty.Retracted(facts);
        var inForce = facts
            .Where(f => Treaty.Stands(f, retracted))
            .OrderBy(f => f.Event.On)
            .ThenBy(f => SameDayOrder(f.Event))
            .ThenBy(f => f.Version);

        var folding = new Folding(kind, term);
        foreach (var fact in inForce)
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
        if (!ContinueFolds || facts.Count <= start.FactCount
            || (start.FactCount > 0 && !ReferenceEquals(facts[start.FactCount - 1], start.LastFact)))
            return null;

        var folding = start.AfterLastFact.Copy();
        for (var i = start.FactCount; i < facts.Count; i++)
        {
            var fact = facts[i];
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
        if (!folding.HasTransitionsToCome) return new Folded(folding.Result(), folding, retracted, facts.Count, last);
        var ended = folding.Copy();
        ended.AdvanceTo(DateOnly.MaxValue);
        return new Folded(ended.Result(), folding, retracted, facts.Count, last);
    }

    /// <summary>Facts of one day are folded in the order the law runs, so recording order cannot change the answer.</summary>
    private static int SameDayOrder(TreatyEvent fact) => fact switch
    {
        Signed => 0,
        Ratified or RatificationRevoked => 1,
        Acceded => 2,
        EnteredIntoForce { Party: null } => 3,
        EnteredIntoForce => 4,
        TermExtended => 5,
        Statement or ViolationAlleged or WithdrawalAnnounced => 6,
        ParticipationSuspended => 7,
        ParticipationResumed => 8,
        WithdrawalNoticeGiven => 9,
        WithdrawalTookEffect => 10,
        Terminated => 11,
        Expired => 12,
        _ => 13
    };

    private sealed class PartyState(string name)
    {
        public string Name { get; } = name;
        public bool Bound { get; set; }
        public bool Ratified { get; set; }
        public bool Suspended { get; set; }
        public bool Withdrawn { get; set; }
        public DateOnly? NoticeEffectiveOn { get; set; }
        public Guid? NoticeId { get; set; }
        public List<PartyInterval> Intervals { get; private init; } = [];

        public PartyState Copy() => new(Name)
        {
            Bound = Bound, Ratified = Ratified, Suspended = Suspended, Withdrawn = Withdrawn,
            NoticeEffectiveOn = NoticeEffectiveOn, NoticeId = NoticeId, Intervals = [.. Intervals]
        };

        public PartyStatus Status =>
            Withdrawn ? PartyStatus.Withdrawn
            : NoticeEffectiveOn is not null ? PartyStatus.Withdrawing
            : Suspended ? PartyStatus.Suspended
            : Bound ? PartyStatus.Party
            : PartyStatus.Signatory;

        public void Mark(DateOnly day, Guid cause)
        {
            var current = Intervals.Count > 0 ? Intervals[^1] : null;
            if (current is not null && current.Status == Status && current.EffectiveOn == NoticeEffectiveOn) return;

            var next = new PartyInterval(Status, day, null, cause, NoticeEffectiveOn);
            if (current is not null && current.From == day) Intervals[^1] = next;
            else
            {
                if (current is not null) Intervals[^1] = current with { To = day };
                Intervals.Add(next);
            }
        }
    }

    internal sealed class Folding(TreatyKind kind, IsoPeriod? term)
    {
        private List<TreatyInterval> _treaty = [new(TreatyStatus.NotSigned, null, null, null)];
        private List<PartyState> _parties = [];
        private List<ExpirySetting> _expiry = [];
        private List<Deadline> _deadlines = [];
        private List<Allegation> _allegations = [];
        private List<FactIssue> _issues = [];
        private (DateOnly On, int Order)? _lastFact;

        public Folding Copy() => new(kind, term)
        {
            _treaty = [.. _treaty], _parties = _parties.Select(p => p.Copy()).ToList(), _expiry = [.. _expiry],
            _deadlines = [.. _deadlines], _allegations = [.. _allegations], _issues = [.. _issues], _lastFact = _lastFact
        };

        /// <summary>Whether the fact sorts after every fact folded so far (it has a later version than all of them).</summary>
        public bool FallsAfterLastFact(RecordedFact fact) =>
            _lastFact is not { } last || (fact.Event.On, SameDayOrder(fact.Event)).CompareTo(last) >= 0;

        private TreatyInterval Current => _treaty[^1];
        private TreatyStatus Status => Current.Status;
        private bool Ended => Status is TreatyStatus.Terminated or TreatyStatus.Expired;
        private DateOnly? ExpiresOn => _expiry.Count > 0 ? _expiry[^1].ExpiresOn : null;

        public TreatyTimeline Result() => new(
            _treaty.ToList(),
            _parties.Select(p => new PartyTimeline(p.Name, p.Intervals.ToList())).ToList(),
            _expiry.ToList(), _deadlines.ToList(), _allegations.ToList(), _issues.ToList());

        /// <summary>Whether a notice or a term is still running: <see cref="AdvanceTo"/> would change something.</summary>
        public bool HasTransitionsToCome =>
            (!Ended && _parties.Any(p => p.NoticeEffectiveOn is not null)) || (Status == TreatyStatus.InForce && ExpiresOn is not null);

        /// <summary>Carries out, in order, every transition due on or before <paramref name="day"/>.</summary>
        public void AdvanceTo(DateOnly day)
        {
            while (true)
            {
                var withdrawal = Ended ? null : _parties
                    .Where(p => p.NoticeEffectiveOn is { } due && due <= day)
                    .OrderBy(p => p.NoticeEffectiveOn)
                    .FirstOrDefault();
                var expiry = Status == TreatyStatus.InForce && ExpiresOn is { } ends && ends <= day ? ExpiresOn : null;

                if (withdrawal is not null && (expiry is null || withdrawal.NoticeEffectiveOn <= expiry))
                {
                    var effectiveOn = withdrawal.NoticeEffectiveOn!.Value;
                    var notice = withdrawal.NoticeId!.Value;
                    _deadlines.Add(new Deadline(effectiveOn, DeadlineKind.WithdrawalTakesEffect, withdrawal.Name, notice));
                    Withdraw(withdrawal, effectiveOn, notice);
                }
                else if (expiry is { } expiresOn)
                {
                    var cause = _expiry[^1].CausedBy;
                    _deadlines.Add(new Deadline(expiresOn, DeadlineKind.Expiry, null, cause));
                    End(TreatyStatus.Expired, expiresOn, cause);
                }
                else return;
            }
        }

        public void Apply(RecordedFact fact)
        {
            var day = fact.Event.On;
            _lastFact = (day, SameDayOrder(fact.Event));
            switch (fact.Event)
            {
                case Signed signed:
                    if (Ended) { Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}"); return; }
                    foreach (var name in signed.Parties)
                    {
                        if (Find(name) is { Withdrawn: false }) Issue(fact, $"'{name}' had already signed");
                        else Join(name, day, fact.Id, bound: false);
                    }
                    if (Status == TreatyStatus.NotSigned) SetStatus(TreatyStatus.Signed, day, fact.Id);
                    return;

                case Ratified ratified:
                    if (PartyOrIssue(fact, ratified.Party) is not { } ratifying) return;
                    if (ratifying.Ratified) Issue(fact, $"'{ratifying.Name}' had already ratified");
                    ratifying.Ratified = true;
                    return;

                case RatificationRevoked revoked:
                    if (PartyOrIssue(fact, revoked.Party) is not { } revoking) return;
                    if (!revoking.Ratified) Issue(fact, $"'{revoking.Name}' had not ratified");
                    else if (revoking.Bound) Issue(fact, $"'{revoking.Name}' was already bound by the treaty");
                    else revoking.Ratified = false;
                    return;

                case EnteredIntoForce { Party: null }:
                    if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty cannot enter into force before it is signed");
                    else if (Status == TreatyStatus.InForce) Issue(fact, $"the treaty was already in force since {Current.From:yyyy-MM-dd}");
                    else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                    else
                    {
                        SetStatus(TreatyStatus.InForce, day, fact.Id);
                        if (term is not null) _expiry.Add(new ExpirySetting(day, term.AddTo(day), fact.Id));
                        foreach (var party in _parties.Where(p => !p.Withdrawn && !p.Bound))
                        {
                            party.Bound = true;
                            party.Mark(day, fact.Id);
                        }
                    }
                    return;

                case EnteredIntoForce { Party: { } name }:
                    if (PartyOrIssue(fact, name) is not { } joining) return;
                    if (Status != TreatyStatus.InForce) Issue(fact, $"the treaty was not in force on {day:yyyy-MM-dd}");
                    else if (joining.Bound) Issue(fact, $"the treaty was already in force for '{joining.Name}'");
                    else
                    {
                        joining.Bound = true;
                        joining.Mark(day, fact.Id);
                    }
                    return;

                case Acceded acceded:
                    if (Status == TreatyStatus.NotSigned) Issue(fact, "no state can accede to a treaty before it is signed");
                    else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                    else if (Find(acceded.Party) is { Withdrawn: false }) Issue(fact, $"'{acceded.Party}' was already a signatory or party");
                    else Join(acceded.Party, day, fact.Id, bound: Status == TreatyStatus.InForce);
                    return;

                case TermExtended extended:
                    if (term is null) Issue(fact, "the treaty has no term to extend");
                    else if (Status != TreatyStatus.InForce) Issue(fact, $"a term can only be extended while the treaty is in force (it was {StatusName} on {day:yyyy-MM-dd})");
                    else if (extended.ExpiresOn <= ExpiresOn) Issue(fact, $"the new expiry {extended.ExpiresOn:yyyy-MM-dd} is not later than the current one, {ExpiresOn:yyyy-MM-dd}");
                    else _expiry.Add(new ExpirySetting(day, extended.ExpiresOn, fact.Id));
                    return;

                case ViolationAlleged alleged:
                    if (string.Equals(alleged.Accuser, alleged.Accused, StringComparison.Ordinal))
                    {
                        Issue(fact, "accuser and accused must differ");
                        return;
                    }
                    if (PartyOrIssue(fact, alleged.Accuser) is null | PartyOrIssue(fact, alleged.Accused) is null) return;
                    _allegations.Add(new Allegation(fact.Id, day, alleged.Accuser, alleged.Accused, fact.Event.Summary, fact.Event.Source));
                    return;

                case ParticipationSuspended suspended:
                    if (PartyOrIssue(fact, suspended.Party) is not { } suspending) return;
                    foreach (var other in suspended.Toward ?? [])
                        if (other == suspending.Name) Issue(fact, "a party cannot suspend its participation toward itself");
                        else PartyOrIssue(fact, other);
                    if (Status != TreatyStatus.InForce) Issue(fact, $"the treaty was not in force on {day:yyyy-MM-dd}");
                    else if (!suspending.Bound || suspending.Withdrawn) Issue(fact, $"'{suspending.Name}' was not bound by the treaty on {day:yyyy-MM-dd}");
                    else if (suspending.Suspended) Issue(fact, $"'{suspending.Name}' had already suspended its participation");
                    else
                    {
                        suspending.Suspended = true;
                        suspending.Mark(day, fact.Id);
                    }
                    return;

                case ParticipationResumed resumed:
                    if (PartyOrIssue(fact, resumed.Party) is not { } resuming) return;
                    if (!resuming.Suspended) Issue(fact, $"'{resuming.Name}' had not suspended its participation");
                    else
                    {
                        resuming.Suspended = false;
                        resuming.Mark(day, fact.Id);
                    }
                    return;

                case WithdrawalAnnounced announced:
                    PartyOrIssue(fact, announced.Party);
                    return;

                case WithdrawalNoticeGiven notice:
                    if (PartyOrIssue(fact, notice.Party) is not { } leaving) return;
                    if (Status != TreatyStatus.InForce) Issue(fact, $"notice of withdrawal can only be given while the treaty is in force (it was {StatusName} on {day:yyyy-MM-dd})");
                    else if (!leaving.Bound || leaving.Withdrawn) Issue(fact, $"'{leaving.Name}' was not bound by the treaty on {day:yyyy-MM-dd}");
                    else if (leaving.NoticeEffectiveOn is { } pending) Issue(fact, $"'{leaving.Name}' had already given notice, effective {pending:yyyy-MM-dd}");
                    else if (notice.EffectiveOn <= day) Issue(fact, "a withdrawal must take effect after the notice is given");
                    else
                    {
                        leaving.NoticeEffectiveOn = notice.EffectiveOn;
                        leaving.NoticeId = fact.Id;
                        leaving.Mark(day, fact.Id);
                    }
                    return;

                case WithdrawalTookEffect took:
                    if (PartyOrIssue(fact, took.Party) is not { } gone) return;
                    if (gone.Withdrawn) return; // already took effect from its notice: the record confirms it, it does not count twice
                    if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                    else if (!gone.Bound) Issue(fact, $"'{gone.Name}' was not bound by the treaty on {day:yyyy-MM-dd}");
                    else Withdraw(gone, day, fact.Id);
                    return;

                case Terminated:
                    if (Status == TreatyStatus.Terminated && Current.From == day) return; // confirms what the rules derived
                    if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty that was never signed cannot terminate");
                    else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                    else End(TreatyStatus.Terminated, day, fact.Id);
                    return;

                case Statement:
                    if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty's record starts with its signature: nothing can be recorded before it");
                    return;

                case Expired:
                    if (Status == TreatyStatus.Expired && Current.From == day) return; // confirms what the rules derived
                    if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                    else if (Status != TreatyStatus.InForce) Issue(fact, "only a treaty in force can expire");
                    else End(TreatyStatus.Expired, day, fact.Id);
                    return;
            }
        }

        private string StatusName => Status switch
        {
            TreatyStatus.NotSigned => "not signed",
            TreatyStatus.InForce => "in force",
            var other => other.ToString().ToLowerInvariant()
        };

        private string Ending => Status == TreatyStatus.Expired ? "expired" : "terminated";

        private void Issue(RecordedFact fact, string message) => _issues.Add(new FactIssue(fact.Id, message));

        private PartyState? Find(string name) => _parties.LastOrDefault(p => p.Name == name);

        private PartyState? PartyOrIssue(RecordedFact fact, string name)
        {
            var party = Find(name);
            if (party is null)
            {
                var known = _parties.Count == 0 ? "none yet" : string.Join(", ", _parties.Select(p => p.Name));
                Issue(fact, $"'{name}' is not a signatory or party of this treaty on {fact.Event.On:yyyy-MM-dd} (known: {known})");
            }
            return party;
        }

        private void Join(string name, DateOnly day, Guid cause, bool bound)
        {
            var existing = Find(name);
            var party = existing ?? new PartyState(name);
            if (existing is null) _parties.Add(party);
            party.Withdrawn = party.Suspended = party.Ratified = false;
            party.NoticeEffectiveOn = null;
            party.NoticeId = null;
            party.Bound = bound;
            party.Mark(day, cause);
        }

        private void Withdraw(PartyState party, DateOnly day, Guid cause)
        {
            party.Withdrawn = true;
            party.NoticeEffectiveOn = null;
            party.NoticeId = null;
            party.Mark(day, cause);
            // A bilateral treaty cannot outlive the departure of one of its two parties.
            if (kind == TreatyKind.Bilateral) End(TreatyStatus.Terminated, day, cause);
        }

        private void End(TreatyStatus ending, DateOnly day, Guid cause)
        {
            SetStatus(ending, day, cause);
            // Notices still running when the treaty ends never take effect.
            foreach (var party in _parties.Where(p => p.NoticeEffectiveOn is not null))
            {
                party.NoticeEffectiveOn = null;
                party.NoticeId = null;
                party.Mark(day, cause);
            }
        }

        private void SetStatus(TreatyStatus status, DateOnly day, Guid cause)
        {
            if (Current.Status == status) return;
            var next = new TreatyInterval(status, day, null, cause);
            if (Current.From == day) _treaty[^1] = next;
            else
            {
                _treaty[^1] = Current with { To = day };
                _treaty.Add(next);
            }
        }
    }
}
