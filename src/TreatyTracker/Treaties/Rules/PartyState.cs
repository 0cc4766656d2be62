namespace TreatyTracker.Treaties.Rules;

/// <summary>One party as <see cref="Folding"/> goes through the facts: where it stands, and its status intervals so far.</summary>
internal sealed class PartyState
{
    private PartyState(List<PartyName> names, List<PartyInterval> intervals)
    {
        Names = names;
        Intervals = intervals;
    }

    public PartyState(string name, DateOnly from) : this([new PartyName(name, from)], []) { }

    /// <summary>The name it has now, as far as the fold has come.</summary>
    public string Name => Names[^1].Name;
    public List<PartyName> Names { get; }
    public bool Bound { get; set; }
    public bool Ratified { get; set; }
    public bool Provisional { get; set; }
    public bool Suspended { get; set; }
    /// <summary>While suspended toward some parties only: those parties (null: toward all).</summary>
    public List<string>? SuspendedToward { get; set; }
    public bool Renounced { get; set; }
    public bool Withdrawn { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>Set when the treaty ended while the party was still in it: how the treaty ended.</summary>
    public PartyStatus? Ended { get; set; }
    public DateOnly? NoticeEffectiveOn { get; set; }
    public Guid? NoticeId { get; set; }
    public DateCertainty? NoticeCertainty { get; set; }
    /// <summary>Set while an accession awaits the day the treaty enters into force for the state.</summary>
    public DateOnly? AccessionEffectiveOn { get; set; }
    public Guid? AccessionId { get; set; }
    public DateCertainty? AccessionCertainty { get; set; }
    public string? SuccessorOf { get; private init; }
    public List<string> SucceededBy { get; private init; } = [];
    public List<PartyInterval> Intervals { get; }

    public PartyState Copy() => new([.. Names], [.. Intervals])
    {
        Bound = Bound, Ratified = Ratified, Provisional = Provisional, Suspended = Suspended,
        SuspendedToward = SuspendedToward is null ? null : [.. SuspendedToward], Renounced = Renounced, Withdrawn = Withdrawn,
        Succeeded = Succeeded, Ended = Ended, NoticeEffectiveOn = NoticeEffectiveOn, NoticeId = NoticeId,
        NoticeCertainty = NoticeCertainty, AccessionEffectiveOn = AccessionEffectiveOn, AccessionId = AccessionId,
        AccessionCertainty = AccessionCertainty, SuccessorOf = SuccessorOf, SucceededBy = [.. SucceededBy]
    };

    public bool HasName(string name)
    {
        foreach (var known in Names)
            if (known.Name == name) return true;
        return false;
    }

    public void Rename(string name, DateOnly day) => Names.Add(new PartyName(name, day));

    /// <summary>
    /// A new state that stands where this one stood (bound by its ratification, say) from <paramref name="day"/>, as the
    /// successor of this state under the name <paramref name="predecessor"/> (its own, or one it had before it was continued).
    /// </summary>
    public PartyState SuccessorAs(string name, string predecessor, DateOnly day) => new(name, day)
    {
        Bound = Bound, Ratified = Ratified, Provisional = Provisional, Suspended = Suspended,
        SuspendedToward = SuspendedToward is null ? null : [.. SuspendedToward], Renounced = Renounced,
        NoticeEffectiveOn = NoticeEffectiveOn, NoticeId = NoticeId, NoticeCertainty = NoticeCertainty,
        AccessionEffectiveOn = AccessionEffectiveOn, AccessionId = AccessionId, AccessionCertainty = AccessionCertainty, SuccessorOf = predecessor
    };

    /// <summary>Signs or accedes again, after a withdrawal.</summary>
    public void Rejoin(bool bound, bool ratified)
    {
        Withdrawn = Suspended = Provisional = Renounced = false;
        SuspendedToward = null;
        NoticeEffectiveOn = null;
        NoticeId = null;
        Bound = bound;
        Ratified = ratified;
    }

    public PartyStatus Status =>
        Ended ?? (Succeeded ? PartyStatus.Succeeded
            : Withdrawn ? PartyStatus.Withdrawn
            : Renounced ? PartyStatus.Renounced
            : NoticeEffectiveOn is not null ? PartyStatus.Withdrawing
            : Suspended ? PartyStatus.Suspended
            : Bound ? PartyStatus.Party
            : Provisional ? PartyStatus.ProvisionallyApplying
            : Ratified ? PartyStatus.Ratified
            : PartyStatus.Signatory);

    private DateOnly? PendingOn => NoticeEffectiveOn ?? AccessionEffectiveOn;

    /// <summary>Whether the party is out of the treaty's life by its own act: withdrawn, renounced or succeeded.</summary>
    public bool Out => Withdrawn || Renounced || Succeeded;

    private IReadOnlyList<string>? TowardShown => Status == PartyStatus.Suspended ? SuspendedToward : null;

    /// <summary>
    /// Starts a new interval on <paramref name="day"/> if the party's status (or the day its pending change takes effect)
    /// changed; <paramref name="endedBy"/> says how the standing before it ended, when its status does not tell.
    /// </summary>
    public void Mark(DateOnly day, Guid cause, DateCertainty? certainty, StandingEnd? endedBy = null)
    {
        var current = Intervals.Count > 0 ? Intervals[^1] : null;
        var toward = TowardShown;
        if (current is not null && current.Status == Status && current.EffectiveOn == PendingOn
            && (current.Toward ?? []).SequenceEqual(toward ?? []) && (current.Toward is null) == (toward is null)) return;

        var next = new PartyInterval(Status, day, null, cause, PendingOn) { Certainty = certainty, Toward = toward?.ToList(), PreviousEndedBy = endedBy };
        if (current is not null && current.From == day) Intervals[^1] = next;
        else
        {
            if (current is not null) Intervals[^1] = current with { To = day };
            Intervals.Add(next);
        }
    }

    public PartyTimeline Timeline() => new(Name, Intervals.ToList())
    {
        Names = Names.Count > 1 ? Names.ToList() : null,
        SuccessorOf = SuccessorOf,
        SucceededBy = SucceededBy.Count > 0 ? SucceededBy.ToList() : null
    };
}
