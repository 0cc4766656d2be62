using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Tests.Treaties;

/// <summary>Builds a treaty's record in memory for the pure status rules and decisions.</summary>
public static class History
{
    public static DateOnly D(string day) => DateOnly.Parse(day);

    /// <summary>The start of a day, UTC: when a decision is made "on" that day.</summary>
    public static DateTimeOffset At(string day) => new(D(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static Treaty Treaty(TreatyKind kind = TreatyKind.Bilateral, string notice = "P6M", string? term = null) =>
        TreatyTracker.Treaties.Treaty.Register(new TreatyRegistered
        {
            TreatyId = "t", Name = "Test treaty", ShortName = "Test", Kind = kind, WithdrawalNoticePeriod = IsoPeriod.Parse(notice),
            Term = term is null ? null : IsoPeriod.Parse(term)
        }, DateTimeOffset.UnixEpoch);

    public static Treaty With(this Treaty treaty, params TreatyEvent[] facts) =>
        facts.Aggregate(treaty, (t, fact) => t.Record(fact, Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddDays(t.Version)));

    public static TreatyTimeline Fold(this Treaty treaty) => treaty.Timeline;

    /// <summary>The events a decision records, in order.</summary>
    public static IReadOnlyList<TreatyEvent> Events(this Decision decision) => decision.Recorded.Select(f => f.Event).ToList();

    public static Signed Signed(string on, params string[] parties) => new(parties) { On = D(on) };
    public static EnteredIntoForce InForce(string on, string? party = null) => new(party) { On = D(on) };
    public static Acceded Acceded(string on, string party) => new(party) { On = D(on) };
    public static ParticipationSuspended Suspended(string on, string party) => new(party) { On = D(on) };
    public static ParticipationResumed Resumed(string on, string party) => new(party) { On = D(on) };
    public static WithdrawalNoticeGiven Notice(string on, string party, string effectiveOn) => new(party, D(effectiveOn)) { On = D(on) };
    public static WithdrawalTookEffect TookEffect(string on, string party) => new(party) { On = D(on) };
    public static TermExtended Extended(string on, string expiresOn) => new(D(expiresOn)) { On = D(on) };
    public static Terminated Terminated(string on) => new() { On = D(on) };
    public static ViolationAlleged Alleged(string on, string accuser, string accused) => new(accuser, accused) { On = D(on) };
}
