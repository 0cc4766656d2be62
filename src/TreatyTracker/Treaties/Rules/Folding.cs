namespace TreatyTracker.Treaties.Rules;

/// <summary>The state of <see cref="StatusFold"/> part way through a treaty's facts: the treaty and each party, day by day.</summary>
internal sealed class Folding(TreatyKind kind, IsoPeriod? term)
{
    private List<TreatyInterval> _treaty = [new(TreatyStatus.NotSigned, null, null, null)];
    private List<PartyState> _parties = [];
    private List<ExpirySetting> _expiry = [];
    private List<Deadline> _deadlines = [];
    private List<Allegation> _allegations = [];
    private List<FactIssue> _issues = [];
    private List<ObjectionEntry> _objections = [];
    private List<LinkEntry> _links = [];
    private string? _supersededBy;
    private (DateOnly On, int Order)? _lastFact;

    public Folding Copy() => new(kind, term)
    {
        _treaty = [.. _treaty], _parties = _parties.Select(p => p.Copy()).ToList(), _expiry = [.. _expiry],
        _deadlines = [.. _deadlines], _allegations = [.. _allegations], _issues = [.. _issues], _objections = [.. _objections],
        _links = [.. _links], _supersededBy = _supersededBy,
        _lastFact = _lastFact
    };

    /// <summary>Whether the fact sorts after every fact folded so far (it has a later version than all of them).</summary>
    public bool FallsAfterLastFact(RecordedFact fact) =>
        _lastFact is not { } last || (fact.Event.On, StatusFold.SameDayOrder(fact.Event)).CompareTo(last) >= 0;

    private TreatyInterval Current => _treaty[^1];
    private TreatyStatus Status => Current.Status;
    private bool Ended => Status is TreatyStatus.Terminated or TreatyStatus.Expired or TreatyStatus.Superseded or TreatyStatus.Abandoned;
    private bool BeforeEntryIntoForce => Status is TreatyStatus.Signed or TreatyStatus.ProvisionallyApplied;
    private DateOnly? ExpiresOn => _expiry.Count > 0 ? _expiry[^1].ExpiresOn : null;

    public TreatyTimeline Result() => new(
        _treaty.ToList(), _parties.Select(p => p.Timeline()).ToList(),
        _expiry.ToList(), _deadlines.ToList(), _allegations.ToList(), _issues.ToList())
    {
        SupersededBy = _supersededBy, Objections = _objections.ToList(), Links = _links.ToList()
    };

    /// <summary>Whether a notice, an accession or a term is still running: <see cref="AdvanceTo"/> would change something.</summary>
    public bool HasTransitionsToCome =>
        (!Ended && _parties.Any(p => p.NoticeEffectiveOn is not null || p.AccessionEffectiveOn is not null))
        || (Status == TreatyStatus.InForce && ExpiresOn is not null);

    /// <summary>Carries out, in order, every transition due on or before <paramref name="day"/>.</summary>
    public void AdvanceTo(DateOnly day)
    {
        while (true)
        {
            // The earliest accession and notice due by then (the first party listed, of those due the same day). This runs
            // before every fact, so it is written as a loop: it allocates nothing.
            PartyState? joining = null, withdrawal = null;
            if (!Ended)
                foreach (var party in _parties)
                {
                    if (Status == TreatyStatus.InForce && party.AccessionEffectiveOn is { } joins && joins <= day && !(joining?.AccessionEffectiveOn <= joins))
                        joining = party;
                    if (party.NoticeEffectiveOn is { } leaves && leaves <= day && !(withdrawal?.NoticeEffectiveOn <= leaves))
                        withdrawal = party;
                }
            var expiry = Status == TreatyStatus.InForce && ExpiresOn is { } ends && ends <= day ? ExpiresOn : null;
            var next = Earliest(Earliest(joining?.AccessionEffectiveOn, withdrawal?.NoticeEffectiveOn), expiry);

            if (next is null) return;
            if (joining is not null && joining.AccessionEffectiveOn == next)
            {
                Bind(joining, next.Value, joining.AccessionId!.Value, joining.AccessionCertainty);
            }
            else if (withdrawal is not null && withdrawal.NoticeEffectiveOn == next)
            {
                var notice = withdrawal.NoticeId!.Value;
                _deadlines.Add(new Deadline(next.Value, DeadlineKind.WithdrawalTakesEffect, withdrawal.Name, notice));
                Withdraw(withdrawal, next.Value, notice, withdrawal.NoticeCertainty);
            }
            else
            {
                var setting = _expiry[^1];
                _deadlines.Add(new Deadline(next.Value, DeadlineKind.Expiry, null, setting.CausedBy));
                End(TreatyStatus.Expired, next.Value, setting.CausedBy, setting.Certainty);
            }
        }
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null || a <= b ? a : b;

    public void Apply(RecordedFact fact)
    {
        var day = fact.Event.On;
        var certainty = fact.Event.Certainty;
        _lastFact = (day, StatusFold.SameDayOrder(fact.Event));
        foreach (var link in fact.Event.Links ?? []) _links.Add(new LinkEntry(link.Relation, link.Treaty, day, fact.Id));
        switch (fact.Event)
        {
            case Signed signed:
                if (Ended) { Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}"); return; }
                foreach (var name in signed.Parties)
                {
                    if (Find(name) is { Succeeded: true } succeeded) Issue(fact, NoLongerInTheTreaty(succeeded, name));
                    else if (Find(name) is { Withdrawn: false, Renounced: false }) Issue(fact, $"'{name}' had already signed");
                    else Join(name, day, fact.Id, certainty, bound: false);
                }
                if (Status == TreatyStatus.NotSigned) SetStatus(TreatyStatus.Signed, day, fact.Id, certainty);
                return;

            case ProvisionallyApplied { Party: var name }:
                if (!BeforeEntryIntoForce) { Issue(fact, $"a treaty is applied provisionally only between its signature and its entry into force (it was {StatusName} on {day:yyyy-MM-dd})"); return; }
                var applying = name is null ? _parties.Where(p => !p.Out).ToList() : StillSigningOrIssue(fact, name) is { } one ? [one] : [];
                foreach (var party in applying)
                {
                    party.Provisional = true;
                    party.Mark(day, fact.Id, certainty);
                }
                if (name is null) SetStatus(TreatyStatus.ProvisionallyApplied, day, fact.Id, certainty);
                return;

            case Ratified ratified:
                if (StillSigningOrIssue(fact, ratified.Party) is not { } ratifying) return;
                if (Ended) { Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}"); return; }
                if (ratifying.Ratified) Issue(fact, $"'{ratifying.Name}' had already ratified");
                ratifying.Ratified = true;
                ratifying.Mark(day, fact.Id, certainty);
                return;

            case RatificationRevoked revoked:
                if (PartyOrIssue(fact, revoked.Party) is not { } revoking) return;
                if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else if (!revoking.Ratified) Issue(fact, $"'{revoking.Name}' had not ratified");
                else if (revoking.Bound) Issue(fact, $"'{revoking.Name}' was already bound by the treaty");
                else
                {
                    revoking.Ratified = false;
                    revoking.Mark(day, fact.Id, certainty, StandingEnd.RatificationRevoked);
                }
                return;

            case EnteredIntoForce { Party: null } entry:
                if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty cannot enter into force before it is signed");
                else if (Status == TreatyStatus.InForce) Issue(fact, $"the treaty was already in force since {Current.From:yyyy-MM-dd}");
                else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else
                {
                    var bound = entry.Parties?.Select(p => StillSigningOrIssue(fact, p)).OfType<PartyState>().ToHashSet();
                    SetStatus(TreatyStatus.InForce, day, fact.Id, certainty);
                    if (term is not null)
                    {
                        if (term.TryAddTo(day) is { } expires) _expiry.Add(new ExpirySetting(day, expires, fact.Id) { Certainty = certainty });
                        else Issue(fact, $"its term ({term}) would run past {DateOnly.MaxValue:yyyy-MM-dd}");
                    }
                    // An accession that takes effect later is bound on its own day, unless the entry into force names it.
                    foreach (var party in _parties.Where(p => !p.Out && !p.Bound
                                 && (bound is null ? p.AccessionEffectiveOn is null : bound.Contains(p))))
                        Bind(party, day, fact.Id, certainty);
                }
                return;

            case EnteredIntoForce { Party: { } name }:
                if (StillSigningOrIssue(fact, name) is not { } joining) return;
                if (Status != TreatyStatus.InForce) Issue(fact, $"the treaty was not in force on {day:yyyy-MM-dd}");
                else if (joining.Bound) Issue(fact, $"the treaty was already in force for '{joining.Name}'");
                else Bind(joining, day, fact.Id, certainty);
                return;

            case Acceded acceded:
                if (Status == TreatyStatus.NotSigned) Issue(fact, "no state can accede to a treaty before it is signed");
                else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else if (Find(acceded.Party) is { Succeeded: true } succeeded) Issue(fact, NoLongerInTheTreaty(succeeded, acceded.Party));
                else if (Find(acceded.Party) is { Withdrawn: false, Renounced: false }) Issue(fact, $"'{acceded.Party}' was already a signatory or party");
                else if (acceded.EffectiveOn is { } effectiveOn && effectiveOn <= day) Issue(fact, "an accession must take effect after its deposit");
                else if (acceded.EffectiveOn is { } later)
                {
                    var party = Join(acceded.Party, day, fact.Id, certainty, bound: false, ratified: true, accessionEffectiveOn: later);
                    party.AccessionCertainty = certainty;
                }
                else Join(acceded.Party, day, fact.Id, certainty, bound: Status == TreatyStatus.InForce, ratified: true);
                return;

            case Succeeded succeeded:
                Succeed(fact, succeeded);
                return;

            case TermExtended extended:
                if (term is null) Issue(fact, "the treaty has no term to extend");
                else if (Status != TreatyStatus.InForce) Issue(fact, $"a term can only be extended while the treaty is in force (it was {StatusName} on {day:yyyy-MM-dd})");
                else if (extended.ExpiresOn <= ExpiresOn) Issue(fact, $"the new expiry {extended.ExpiresOn:yyyy-MM-dd} is not later than the current one, {ExpiresOn:yyyy-MM-dd}");
                else
                {
                    _expiry.Add(new ExpirySetting(day, extended.ExpiresOn, fact.Id) { Certainty = certainty });
                }
                return;

            case ViolationAlleged alleged:
                if (string.Equals(alleged.Accuser, alleged.Accused, StringComparison.Ordinal))
                {
                    Issue(fact, "accuser and accused must differ");
                    return;
                }
                // Both are looked up, so that an unknown accuser and an unknown accused are both named.
                var accuser = PartyOrIssue(fact, alleged.Accuser);
                var accused = PartyOrIssue(fact, alleged.Accused);
                if (accuser is null || accused is null) return;
                if (accuser == accused)
                {
                    Issue(fact, $"'{alleged.Accuser}' and '{alleged.Accused}' are names of the same state");
                    return;
                }
                _allegations.Add(new Allegation(fact.Id, day, alleged.Accuser, alleged.Accused, fact.Event.Summary, fact.Event.Source) { Certainty = certainty });
                return;

            case ParticipationSuspended suspended:
                Suspend(fact, suspended);
                return;

            case Objection objection:
                if (PartyOrIssue(fact, objection.Party) is not { } objecting) return;
                if (objection.Toward.Count == 0) Issue(fact, "an objection names the parties whose act it objects to");
                foreach (var other in objection.Toward)
                    if (Find(other) == objecting) Issue(fact, "a party cannot object to its own act");
                    else PartyOrIssue(fact, other);
                _objections.Add(new ObjectionEntry(fact.Id, day, objection.Party, objection.Toward, fact.Event.Summary, fact.Event.Source) { Certainty = certainty });
                return;

            case SignatureRenounced renounced:
                if (StillSigningOrIssue(fact, renounced.Party) is not { } renouncing) return;
                if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else if (renouncing.Bound) Issue(fact, $"'{renouncing.Name}' was bound by the treaty on {day:yyyy-MM-dd}: a party leaves by withdrawal");
                else
                {
                    renouncing.Renounced = true;
                    renouncing.Provisional = false;
                    renouncing.AccessionEffectiveOn = null;
                    renouncing.AccessionId = null;
                    renouncing.Mark(day, fact.Id, certainty);
                }
                return;

            case Abandoned:
                if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty that was never signed cannot be abandoned");
                else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else if (!BeforeEntryIntoForce) Issue(fact, $"only a treaty that never entered into force is abandoned; one in force since {Current.From:yyyy-MM-dd} terminates, expires or is superseded");
                else End(TreatyStatus.Abandoned, day, fact.Id, certainty);
                return;

            case ParticipationResumed resumed:
                if (PartyOrIssue(fact, resumed.Party) is not { } resuming) return;
                if (!resuming.Suspended) Issue(fact, $"'{resuming.Name}' had not suspended its participation");
                else
                {
                    resuming.Suspended = false;
                    resuming.SuspendedToward = null;
                    resuming.Mark(day, fact.Id, certainty);
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
                    leaving.NoticeCertainty = certainty;
                    leaving.Mark(day, fact.Id, certainty);
                }
                return;

            case WithdrawalTookEffect took:
                if (PartyOrIssue(fact, took.Party) is not { } gone) return;
                if (gone.Withdrawn) return; // already took effect from its notice: the record confirms it, it does not count twice
                if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else if (!gone.Bound) Issue(fact, $"'{gone.Name}' was not bound by the treaty on {day:yyyy-MM-dd}");
                else Withdraw(gone, day, fact.Id, certainty);
                return;

            case Terminated:
                if (Status == TreatyStatus.Terminated && Current.From == day) return; // confirms what the rules derived
                if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty that was never signed cannot terminate");
                else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else End(TreatyStatus.Terminated, day, fact.Id, certainty);
                return;

            case Statement:
                if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty's record starts with its signature: nothing can be recorded before it");
                return;

            case ScopeStated { Follows: var follows }:
                if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty's record starts with its signature: nothing can be recorded before it");
                else if (follows is { Count: 0 }) Issue(fact, "a scope that follows only some states names them; leave 'follows' out for every state");
                else foreach (var name in follows ?? []) if (Find(name) is null) PartyOrIssue(fact, name);
                return;

            case Expired:
                if (Status == TreatyStatus.Expired && Current.From == day) return; // confirms what the rules derived
                if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else if (Status != TreatyStatus.InForce) Issue(fact, "only a treaty in force can expire");
                else End(TreatyStatus.Expired, day, fact.Id, certainty);
                return;

            case Superseded superseded:
                if (Status == TreatyStatus.NotSigned) Issue(fact, "a treaty that was never signed cannot be superseded");
                else if (Ended) Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}");
                else
                {
                    _supersededBy = superseded.By;
                    _links.Add(new LinkEntry(LinkRelation.SupersededBy, superseded.By, day, fact.Id));
                    End(TreatyStatus.Superseded, day, fact.Id, certainty);
                }
                return;
        }
    }

    /// <summary>A continuing state takes its new name; a successor state joins with its predecessor's standing, which ends.</summary>
    private void Succeed(RecordedFact fact, Succeeded succeeded)
    {
        var day = fact.Event.On;
        // A state may dissolve into several successors (so a succeeded state may be named again), but one that ceased to be
        // cannot continue under a new name.
        if (Find(succeeded.Predecessor) is not { } predecessor) { PartyOrIssue(fact, succeeded.Predecessor); return; }
        if (predecessor.Withdrawn || (predecessor.Succeeded && succeeded.Kind == SuccessionKind.Continuation))
        {
            Issue(fact, $"'{predecessor.Name}' was no longer in the treaty on {day:yyyy-MM-dd}");
            return;
        }
        if (predecessor.HasName(succeeded.Successor))
        {
            Issue(fact, $"'{succeeded.Successor}' is a name the predecessor already had");
            return;
        }
        if (Ended) { Issue(fact, $"the treaty had already {Ending} on {Current.From:yyyy-MM-dd}"); return; }
        if (Find(succeeded.Successor) is { } existing && existing != predecessor)
        {
            Issue(fact, $"'{succeeded.Successor}' was already in the treaty in its own right");
            return;
        }

        if (succeeded.Kind == SuccessionKind.Continuation)
        {
            predecessor.Rename(succeeded.Successor, day);
            return;
        }
        // The successor takes over the predecessor's standing, a notice it had given included.
        var successor = predecessor.SuccessorAs(succeeded.Successor, succeeded.Predecessor, day);
        _parties.Add(successor);
        successor.Mark(day, fact.Id, fact.Event.Certainty);
        // A state that another continues (the USSR, continued by Russia) may have further successors (Ukraine in START): they
        // join with its standing, and the continuing state stays in the treaty under its own name.
        if (predecessor.Name != succeeded.Predecessor) return;
        predecessor.SucceededBy.Add(succeeded.Successor);
        predecessor.Succeeded = true;
        predecessor.NoticeEffectiveOn = null;
        predecessor.NoticeId = null;
        predecessor.AccessionEffectiveOn = null;
        predecessor.AccessionId = null;
        predecessor.Mark(day, fact.Id, fact.Event.Certainty);
    }

    private string StatusName => Status switch
    {
        TreatyStatus.NotSigned => "not signed",
        TreatyStatus.InForce => "in force",
        TreatyStatus.ProvisionallyApplied => "applied provisionally",
        var other => other.ToString().ToLowerInvariant()
    };

    private string Ending => Status switch
    {
        TreatyStatus.Expired => "expired",
        TreatyStatus.Superseded => "been superseded",
        TreatyStatus.Abandoned => "been abandoned",
        _ => "terminated"
    };

    private void Issue(RecordedFact fact, string message) => _issues.Add(new FactIssue(fact.Id, message));

    /// <summary>A party by any name it has had: a continuing state is the same party under each.</summary>
    private PartyState? Find(string name)
    {
        for (var i = _parties.Count - 1; i >= 0; i--)
            if (_parties[i].HasName(name)) return _parties[i];
        return null;
    }

    /// <summary>The party a fact names, as long as it is still in the treaty in its own right (not succeeded by another).</summary>
    private PartyState? PartyOrIssue(RecordedFact fact, string name)
    {
        var party = Find(name);
        if (party is null)
        {
            var known = _parties.Count == 0 ? "none yet" : string.Join(", ", _parties.Select(p => p.Name));
            Issue(fact, $"'{name}' is not a signatory or party of this treaty on {fact.Event.On:yyyy-MM-dd} (known: {known})");
            return null;
        }
        if (party.Succeeded)
        {
            Issue(fact, NoLongerInTheTreaty(party, name));
            return null;
        }
        return party;
    }

    /// <summary>A party a fact names as still able to become bound: one that has not renounced its signature.</summary>
    private PartyState? StillSigningOrIssue(RecordedFact fact, string name)
    {
        if (PartyOrIssue(fact, name) is not { } party) return null;
        if (!party.Renounced) return party;
        Issue(fact, $"'{name}' had renounced its signature");
        return null;
    }

    /// <summary>
    /// A suspension toward all, or toward some parties only. A later suspension toward others (or toward all) widens
    /// one toward some; one that adds nobody is refused.
    /// </summary>
    private void Suspend(RecordedFact fact, ParticipationSuspended suspended)
    {
        var day = fact.Event.On;
        if (PartyOrIssue(fact, suspended.Party) is not { } suspending) return;
        var toward = new List<string>();
        foreach (var other in suspended.Toward ?? [])
            if (Find(other) == suspending) Issue(fact, "a party cannot suspend its participation toward itself");
            else if (PartyOrIssue(fact, other) is not null && !toward.Contains(other)) toward.Add(other);
        if (Status != TreatyStatus.InForce) { Issue(fact, $"the treaty was not in force on {day:yyyy-MM-dd}"); return; }
        if (!suspending.Bound || suspending.Withdrawn) { Issue(fact, $"'{suspending.Name}' was not bound by the treaty on {day:yyyy-MM-dd}"); return; }
        if (suspending.Suspended && suspending.SuspendedToward is null)
        {
            Issue(fact, $"'{suspending.Name}' had already suspended its participation");
            return;
        }

        if (suspended.Toward is null) suspending.SuspendedToward = null;
        else
        {
            var widened = suspending.Suspended ? suspending.SuspendedToward! : [];
            var added = toward.Where(t => !widened.Contains(t)).ToList();
            if (added.Count == 0)
            {
                Issue(fact, $"'{suspending.Name}' had already suspended its participation toward {string.Join(", ", widened)}");
                return;
            }
            suspending.SuspendedToward = [.. widened, .. added];
        }
        suspending.Suspended = true;
        suspending.Mark(day, fact.Id, fact.Event.Certainty);
    }

    private static string NoLongerInTheTreaty(PartyState succeeded, string name) =>
        $"'{name}' had been succeeded by {string.Join(" and ", succeeded.SucceededBy)}: a later fact names its successor";

    private static void Bind(PartyState party, DateOnly day, Guid cause, DateCertainty? certainty)
    {
        party.Bound = true;
        party.AccessionEffectiveOn = null;
        party.AccessionId = null;
        party.Mark(day, cause, certainty);
    }

    private PartyState Join(string name, DateOnly day, Guid cause, DateCertainty? certainty, bool bound, bool ratified = false, DateOnly? accessionEffectiveOn = null)
    {
        var existing = Find(name);
        var party = existing ?? new PartyState(name, day);
        if (existing is null) _parties.Add(party);
        party.Rejoin(bound, ratified);
        party.AccessionEffectiveOn = accessionEffectiveOn;
        party.AccessionId = accessionEffectiveOn is null ? null : cause;
        party.Mark(day, cause, certainty);
        return party;
    }

    private void Withdraw(PartyState party, DateOnly day, Guid cause, DateCertainty? certainty)
    {
        party.Withdrawn = true;
        party.NoticeEffectiveOn = null;
        party.NoticeId = null;
        party.Mark(day, cause, certainty);
        // A bilateral treaty cannot outlive the departure of one of its two parties.
        if (kind == TreatyKind.Bilateral) End(TreatyStatus.Terminated, day, cause, certainty);
        else LapseSuspensionsTowardThoseGone(day, cause, certainty);
    }

    /// <summary>
    /// A suspension toward some parties only has nobody left to hold once the last of them has left the treaty: from that
    /// day the suspending state is a party in full again, and its interval says the suspension lapsed.
    /// </summary>
    private void LapseSuspensionsTowardThoseGone(DateOnly day, Guid cause, DateCertainty? certainty)
    {
        foreach (var party in _parties)
        {
            if (party is not { Suspended: true, SuspendedToward: { Count: > 0 } toward }) continue;
            if (!toward.All(name => Find(name) is { Withdrawn: true })) continue;
            party.Suspended = false;
            party.SuspendedToward = null;
            party.Mark(day, cause, certainty, StandingEnd.SuspensionLapsed);
        }
    }

    /// <summary>The treaty ends: every party still in it shows the end, and notices still running never take effect.</summary>
    private void End(TreatyStatus ending, DateOnly day, Guid cause, DateCertainty? certainty)
    {
        SetStatus(ending, day, cause, certainty);
        var shown = ending switch
        {
            TreatyStatus.Expired => PartyStatus.Expired,
            TreatyStatus.Superseded => PartyStatus.Superseded,
            TreatyStatus.Abandoned => PartyStatus.Abandoned,
            _ => PartyStatus.Terminated
        };
        foreach (var party in _parties.Where(p => !p.Out))
        {
            party.NoticeEffectiveOn = null;
            party.NoticeId = null;
            party.AccessionEffectiveOn = null;
            party.AccessionId = null;
            party.Ended = shown;
            party.Mark(day, cause, certainty, StandingEnd.TreatyEnded);
        }
    }

    private void SetStatus(TreatyStatus status, DateOnly day, Guid cause, DateCertainty? certainty)
    {
        if (Current.Status == status) return;
        var next = new TreatyInterval(status, day, null, cause) { Certainty = certainty };
        if (Current.From == day) _treaty[^1] = next;
        else
        {
            _treaty[^1] = Current with { To = day };
            _treaty.Add(next);
        }
    }
}
