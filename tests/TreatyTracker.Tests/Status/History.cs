using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Tests.Status;

/// <summary>Builds a treaty's record in memory for the pure status rules.</summary>
public static class History
{
    public static DateOnly D(string day) => DateOnly.Parse(day);

    public static Treaty Treaty(TreatyKind kind = TreatyKind.Bilateral, string notice = "P6M", string? term = null) =>
        Treaties.Treaty.Register(new TreatyRegistered("t", "Test treaty", "Test", kind, IsoPeriod.Parse(notice),
            term is null ? null : IsoPeriod.Parse(term), null), DateTimeOffset.UnixEpoch);

    public static Treaty With(this Treaty treaty, params TreatyEvent[] facts) =>
        facts.Aggregate(treaty, (t, fact) => t.Record(fact, Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddDays(t.StreamVersion)));

    public static TreatyTimeline Fold(this Treaty treaty) => StatusFold.Fold(treaty);

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
