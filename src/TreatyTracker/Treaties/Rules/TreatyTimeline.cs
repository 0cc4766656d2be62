using System.Text.Json.Serialization;

namespace TreatyTracker.Treaties.Rules;

[JsonConverter(typeof(JsonStringEnumConverter<TreatyStatus>))]
public enum TreatyStatus
{
    [JsonStringEnumMemberName("not-signed")] NotSigned,
    [JsonStringEnumMemberName("signed")] Signed,
    [JsonStringEnumMemberName("in-force")] InForce,
    [JsonStringEnumMemberName("terminated")] Terminated,
    [JsonStringEnumMemberName("expired")] Expired
}

[JsonConverter(typeof(JsonStringEnumConverter<PartyStatus>))]
public enum PartyStatus
{
    [JsonStringEnumMemberName("signatory")] Signatory,
    [JsonStringEnumMemberName("party")] Party,
    [JsonStringEnumMemberName("suspended")] Suspended,
    [JsonStringEnumMemberName("withdrawing")] Withdrawing,
    [JsonStringEnumMemberName("withdrawn")] Withdrawn
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
    public bool Contains(DateOnly day) => (From is null || From <= day) && (To is null || day < To);
}

/// <summary>A party's status over <c>[From, To)</c>; EffectiveOn is set while a withdrawal notice runs.</summary>
public sealed record PartyInterval(PartyStatus Status, DateOnly From, DateOnly? To, Guid? CausedBy, DateOnly? EffectiveOn = null)
{
    public bool Contains(DateOnly day) => From <= day && (To is null || day < To);
}

public sealed record PartyTimeline(string Name, IReadOnlyList<PartyInterval> Intervals)
{
    public PartyInterval? On(DateOnly day) => Intervals.FirstOrDefault(i => i.Contains(day));
}

/// <summary>A transition that follows from earlier facts on a known day: a notice running out, a term ending.</summary>
public sealed record Deadline(DateOnly On, DeadlineKind Kind, string? Party, Guid CausedBy);

/// <summary>From <c>SetOn</c> on, the treaty was due to expire on <c>ExpiresOn</c>.</summary>
public sealed record ExpirySetting(DateOnly SetOn, DateOnly ExpiresOn, Guid CausedBy);

public sealed record Allegation(Guid EventId, DateOnly On, string Accuser, string Accused, string? Summary, Citation? Source);

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
    public TreatySnapshot On(DateOnly day)
    {
        var treaty = Treaty.First(i => i.Contains(day));
        var expiresOn = Expiry.LastOrDefault(e => e.SetOn <= day)?.ExpiresOn;
        var standing = Parties
            .Select(p => (p.Name, Interval: p.On(day)))
            .Where(p => p.Interval is not null)
            .Select(p => (p.Name, Interval: p.Interval!))
            .ToList();
        var parties = standing.Select(p => new PartySnapshot(p.Name, p.Interval.Status, p.Interval.From, p.Interval.EffectiveOn)).ToList();

        var pending = standing
            .Where(p => p.Interval.EffectiveOn is { } effectiveOn && effectiveOn > day)
            .Select(p => new Deadline(p.Interval.EffectiveOn!.Value, DeadlineKind.WithdrawalTakesEffect, p.Name, p.Interval.CausedBy ?? Guid.Empty))
            .ToList();
        if (treaty.Status == TreatyStatus.InForce && expiresOn is { } expiry && expiry > day)
            pending.Add(new Deadline(expiry, DeadlineKind.Expiry, null, Expiry.Last(e => e.SetOn <= day).CausedBy));

        return new TreatySnapshot(day, treaty.Status, treaty.From, parties,
            treaty.Status is TreatyStatus.InForce or TreatyStatus.Expired ? expiresOn : null,
            pending.OrderBy(p => p.On).ToList());
    }
}

public sealed record PartySnapshot(string Name, PartyStatus Status, DateOnly Since, DateOnly? EffectiveOn);

public sealed record TreatySnapshot(
    DateOnly AsOf,
    TreatyStatus Status,
    DateOnly? Since,
    IReadOnlyList<PartySnapshot> Parties,
    DateOnly? ExpiresOn,
    IReadOnlyList<Deadline> PendingDeadlines);
