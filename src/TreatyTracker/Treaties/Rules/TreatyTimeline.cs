using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreatyTracker.Treaties.Rules;

[JsonConverter(typeof(JsonStringEnumConverter<TreatyStatus>))]
public enum TreatyStatus
{
    [JsonStringEnumMemberName("not-signed")] NotSigned,
    [JsonStringEnumMemberName("signed")] Signed,
    [JsonStringEnumMemberName("provisionally-applied")] ProvisionallyApplied,
    [JsonStringEnumMemberName("in-force")] InForce,
    [JsonStringEnumMemberName("terminated")] Terminated,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("superseded")] Superseded,
    /// <summary>Never entered into force, and never will.</summary>
    [JsonStringEnumMemberName("abandoned")] Abandoned
}

[JsonConverter(typeof(JsonStringEnumConverter<PartyStatus>))]
public enum PartyStatus
{
    [JsonStringEnumMemberName("signatory")] Signatory,
    /// <summary>Has deposited its instrument (ratification or accession); the treaty is not yet in force for it.</summary>
    [JsonStringEnumMemberName("ratified")] Ratified,
    [JsonStringEnumMemberName("provisionally-applying")] ProvisionallyApplying,
    [JsonStringEnumMemberName("party")] Party,
    [JsonStringEnumMemberName("suspended")] Suspended,
    [JsonStringEnumMemberName("withdrawing")] Withdrawing,
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
    /// <summary>Signed (or ratified) but declared that it will not become bound.</summary>
    [JsonStringEnumMemberName("renounced")] Renounced,
    /// <summary>The state ceased to exist; its standing passed to its successors.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    // The treaty itself ended: every party still in it shows how.
    [JsonStringEnumMemberName("terminated")] Terminated,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("superseded")] Superseded,
    [JsonStringEnumMemberName("abandoned")] Abandoned
}

[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    [JsonStringEnumMemberName("withdrawal-takes-effect")] WithdrawalTakesEffect,
    [JsonStringEnumMemberName("expiry")] Expiry
}

/// <summary>The treaty's status over <c>[From, To)</c>; a null bound is open (the distant past, the open future).</summary>
public sealed record TreatyInterval(TreatyStatus Status, DateOnly? From, DateOnly? To, Guid? CausedBy)
{
    /// <summary>How sure <c>From</c> is, from the fact that caused it; null when the day is confirmed.</summary>
    public DateCertainty? Certainty { get; init; }

    public bool Contains(DateOnly day) => (From is null || From <= day) && (To is null || day < To);
}

/// <summary>
/// How a party's standing ended when the standing that followed it does not say so by itself: a ratification revoked
/// (a signatory again), a suspension whose every object left the treaty, the treaty's own end.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandingEnd>))]
public enum StandingEnd
{
    /// <summary>The state revoked its ratification before the treaty bound it: it is a signatory again.</summary>
    [JsonStringEnumMemberName("ratification-revoked")] RatificationRevoked,
    /// <summary>A suspension toward some parties ended when the last of them left the treaty: nobody is left to suspend it toward.</summary>
    [JsonStringEnumMemberName("suspension-lapsed")] SuspensionLapsed,
    /// <summary>The treaty itself ended (terminated, expired, superseded or abandoned).</summary>
    [JsonStringEnumMemberName("treaty-ended")] TreatyEnded
}

/// <summary>A party's status over <c>[From, To)</c>; EffectiveOn is set while a withdrawal notice runs or an accession awaits its day.</summary>
public sealed record PartyInterval(PartyStatus Status, DateOnly From, DateOnly? To, Guid? CausedBy, DateOnly? EffectiveOn = null)
{
    /// <summary>How sure <c>From</c> is, from the fact that caused it; null when the day is confirmed.</summary>
    public DateCertainty? Certainty { get; init; }

    /// <summary>While suspended toward some parties only: those parties.</summary>
    public IReadOnlyList<string>? Toward { get; init; }

    /// <summary>Set when this interval began because the one before it ended in a way its own status does not tell.</summary>
    public StandingEnd? PreviousEndedBy { get; init; }

    public bool Contains(DateOnly day) => From <= day && (To is null || day < To);

    public static bool IsEnd(PartyStatus status) =>
        status is PartyStatus.Terminated or PartyStatus.Expired or PartyStatus.Superseded or PartyStatus.Abandoned;
}

/// <summary>A name a party had from <c>From</c> on (a continuing state keeps its standing under a new name).</summary>
public sealed record PartyName(string Name, DateOnly From);

public sealed record PartyTimeline(string Name, IReadOnlyList<PartyInterval> Intervals)
{
    /// <summary>Every name the party had, in order, when it had more than one.</summary>
    public IReadOnlyList<PartyName>? Names { get; init; }

    /// <summary>The state whose standing this one took over (a succession).</summary>
    public string? SuccessorOf { get; init; }

    /// <summary>The states that took over this one's standing.</summary>
    public IReadOnlyList<string>? SucceededBy { get; init; }

    public PartyInterval? On(DateOnly day) => Intervals.FirstOrDefault(i => i.Contains(day));

    /// <summary>The name the party had on <paramref name="day"/> (its first name before it existed).</summary>
    public string NameOn(DateOnly day) => Names?.LastOrDefault(n => n.From <= day)?.Name ?? Names?[0].Name ?? Name;
}

/// <summary>A transition that follows from earlier facts on a known day: a notice running out, a term ending.</summary>
public sealed record Deadline(DateOnly On, DeadlineKind Kind, string? Party, Guid CausedBy)
{
    /// <summary>The order deadlines are listed in, wherever they are: by day, then kind, then party (ordinal).</summary>
    public static IEnumerable<Deadline> Listed(IEnumerable<Deadline> deadlines) =>
        deadlines.OrderBy(d => d.On).ThenBy(d => d.Kind).ThenBy(d => d.Party, StringComparer.Ordinal);
}

/// <summary>
/// A deadline over the days <c>[From, To)</c> it was pending: from the day of the fact that made it due (a notice given,
/// an entry into force with a term, a term extended) until it fell due or the record overtook it (the treaty ended
/// first, a later extension moved it). A deadline is pending on a day only if that day lies in such a window, so no
/// answer shows a deadline before the fact that set it.
/// </summary>
public sealed record PendingDeadline(Deadline Deadline, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => From <= day && day < To;

    /// <summary>The one rule for what is due on a day, used by every answer that shows deadlines.</summary>
    public static IReadOnlyList<Deadline> On(IEnumerable<PendingDeadline> windows, DateOnly day) =>
        Deadline.Listed(windows.Where(w => w.Contains(day)).Select(w => w.Deadline)).ToList();
}

/// <summary>From <c>SetOn</c> on, the treaty was due to expire on <c>ExpiresOn</c>.</summary>
public sealed record ExpirySetting(DateOnly SetOn, DateOnly ExpiresOn, Guid CausedBy)
{
    /// <summary>How sure the fact that set it is of its day.</summary>
    public DateCertainty? Certainty { get; init; }
}

public sealed record Allegation(Guid EventId, DateOnly On, string Accuser, string Accused, string? Summary, Citation? Source)
{
    public DateCertainty? Certainty { get; init; }
}

/// <summary>A party's objection to an act of others.</summary>
public sealed record ObjectionEntry(Guid EventId, DateOnly On, string Party, IReadOnlyList<string> Toward, string? Summary, Citation? Source)
{
    public DateCertainty? Certainty { get; init; }
}

/// <summary>A relation to another treaty, stated by a fact of this one (or, for superseded-by, by its end).</summary>
public sealed record LinkEntry(LinkRelation Relation, string Treaty, DateOnly On, Guid EventId);

/// <summary>A recorded fact that does not fit the facts before it in time (e.g. entry into force before signature).</summary>
public sealed record FactIssue(Guid EventId, string Message);

/// <summary>Everything the status rules derive from a treaty's facts: the whole past and the known future.</summary>
public sealed record TreatyTimeline(
    IReadOnlyList<TreatyInterval> Treaty,
    IReadOnlyList<PartyTimeline> Parties,
    IReadOnlyList<ExpirySetting> Expiry,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<Allegation> Allegations,
    IReadOnlyList<FactIssue> Issues)
{
    /// <summary>The treaty that superseded this one, once it has.</summary>
    public string? SupersededBy { get; init; }

    public IReadOnlyList<ObjectionEntry> Objections { get; init; } = [];

    /// <summary>This treaty's relations to others, in the order of their days.</summary>
    public IReadOnlyList<LinkEntry> Links { get; init; } = [];

    /// <summary>Which states the record follows, as last stated (null: every state that acted on the treaty).</summary>
    public ScopeStated? Scope { get; init; }

    public TreatySnapshot On(DateOnly day)
    {
        var treaty = Treaty.First(i => i.Contains(day));
        var expiresOn = Expiry.LastOrDefault(e => e.SetOn <= day)?.ExpiresOn;
        var parties = Parties
            .Select(p => (Party: p, Interval: p.On(day)))
            .Where(p => p.Interval is not null)
            .Select(p => PartySnapshot.Of(p.Party, p.Interval!, day))
            .ToList();

        return new TreatySnapshot(day, treaty.Status, treaty.From, parties,
            treaty.Status is TreatyStatus.InForce or TreatyStatus.Expired ? expiresOn : null,
            PendingDeadline.On(PendingDeadlines(), day))
        {
            SinceCertainty = treaty.Certainty,
            SupersededBy = treaty.Status == TreatyStatus.Superseded ? SupersededBy : null,
            Objections = Objections.Where(o => o.On <= day).ToList(),
            Links = Links.Where(l => l.On <= day).ToList(),
            Scope = RecordScope.Of(Scope)
        };
    }

    /// <summary>
    /// Every deadline over the days it was pending: a withdrawal while its notice ran (under the name the party had on
    /// each of those days), an expiry while the treaty was in force under the term that set it.
    /// </summary>
    public IReadOnlyList<PendingDeadline> PendingDeadlines()
    {
        var windows = new List<PendingDeadline>();
        foreach (var party in Parties)
        foreach (var interval in party.Intervals)
        {
            if (interval is not { Status: PartyStatus.Withdrawing, EffectiveOn: { } effectiveOn }) continue;
            var end = interval.To is { } to && to < effectiveOn ? to : effectiveOn;
            var cuts = (party.Names ?? []).Select(n => n.From).Where(d => d > interval.From && d < end).Prepend(interval.From).Append(end).ToList();
            for (var i = 0; i + 1 < cuts.Count; i++)
                windows.Add(new PendingDeadline(
                    new Deadline(effectiveOn, DeadlineKind.WithdrawalTakesEffect, party.NameOn(cuts[i]), interval.CausedBy ?? Guid.Empty), cuts[i], cuts[i + 1]));
        }
        for (var i = 0; i < Expiry.Count; i++)
        {
            var setting = Expiry[i];
            var until = i + 1 < Expiry.Count ? Expiry[i + 1].SetOn : DateOnly.MaxValue;
            if (setting.ExpiresOn < until) until = setting.ExpiresOn;
            foreach (var inForce in Treaty.Where(t => t.Status == TreatyStatus.InForce))
            {
                var from = inForce.From is { } start && start > setting.SetOn ? start : setting.SetOn;
                var to = inForce.To is { } stop && stop < until ? stop : until;
                if (from < to) windows.Add(new PendingDeadline(new Deadline(setting.ExpiresOn, DeadlineKind.Expiry, null, setting.CausedBy), from, to));
            }
        }
        return windows;
    }
}

/// <summary>A party's status and since when; as the standing before another, how it ended when that standing does not say.</summary>
public sealed record PartyStanding(PartyStatus Status, DateOnly Since)
{
    public DateCertainty? SinceCertainty { get; init; }

    /// <summary>While suspended toward some parties only: those parties.</summary>
    public IReadOnlyList<string>? Toward { get; init; }

    public StandingEnd? EndedBy { get; init; }
}

/// <summary>A party on a day: under the name it had then, with how sure its <c>Since</c> is.</summary>
public sealed record PartySnapshot(string Name, PartyStatus Status, DateOnly Since, DateOnly? EffectiveOn)
{
    public DateCertainty? SinceCertainty { get; init; }

    /// <summary>While suspended toward some parties only: those parties.</summary>
    public IReadOnlyList<string>? Toward { get; init; }

    /// <summary>
    /// The party's standing just before this one, when this one began because that one ended in a way its status does not
    /// tell: the treaty ended, the party's ratification was revoked, or its suspension lapsed (see <see cref="PartyStanding.EndedBy"/>).
    /// </summary>
    public PartyStanding? Before { get; init; }

    /// <summary>Every name the party had, when it had more than one (a continuing state).</summary>
    public IReadOnlyList<PartyName>? Names { get; init; }

    public string? SuccessorOf { get; init; }
    public IReadOnlyList<string>? SucceededBy { get; init; }

    public static PartySnapshot Of(PartyTimeline party, PartyInterval interval, DateOnly day)
    {
        var index = party.Intervals.ToList().IndexOf(interval);
        var endedBy = interval.PreviousEndedBy ?? (PartyInterval.IsEnd(interval.Status) ? StandingEnd.TreatyEnded : null);
        var before = endedBy is not null && index > 0 ? party.Intervals[index - 1] : null;
        return new PartySnapshot(party.NameOn(day), interval.Status, interval.From, interval.EffectiveOn)
        {
            SinceCertainty = interval.Certainty,
            Toward = interval.Toward,
            Before = before is null ? null : new PartyStanding(before.Status, before.From) { SinceCertainty = before.Certainty, Toward = before.Toward, EndedBy = endedBy },
            Names = party.Names, SuccessorOf = party.SuccessorOf, SucceededBy = party.SucceededBy
        };
    }
}

public sealed record TreatySnapshot(
    DateOnly AsOf,
    TreatyStatus Status,
    DateOnly? Since,
    IReadOnlyList<PartySnapshot> Parties,
    DateOnly? ExpiresOn,
    IReadOnlyList<Deadline> PendingDeadlines)
{
    public DateCertainty? SinceCertainty { get; init; }
    public string? SupersededBy { get; init; }
    public IReadOnlyList<ObjectionEntry> Objections { get; init; } = [];
    public IReadOnlyList<LinkEntry> Links { get; init; } = [];

    /// <summary>Which states the record follows, in plain words.</summary>
    public RecordScope Scope { get; init; } = RecordScope.Of(null);
}

/// <summary>A status (or any enumeration of the rules) as the API spells it: <c>in-force</c>, <c>provisionally-applying</c> …</summary>
public static class StatusNames
{
    public static string Of<TStatus>(TStatus status) where TStatus : struct, Enum => JsonSerializer.Serialize(status).Trim('"');
}
