namespace TreatyTracker.Treaties;

public static class NamedStates
{
    /// <summary>Every state a fact names, in whatever role: signatory, party, accuser, the parties a suspension is toward …</summary>
    public static IReadOnlyList<string> Of(TreatyEvent fact) => (fact switch
    {
        Signed s => s.Parties,
        Ratified r => [r.Party],
        EnteredIntoForce e => [.. e.Parties ?? [], .. e.Party is null ? Array.Empty<string>() : [e.Party]],
        Acceded a => [a.Party],
        ProvisionallyApplied { Party: { } party } => [party],
        Succeeded s => [s.Predecessor, s.Successor],
        RatificationRevoked r => [r.Party],
        SignatureRenounced r => [r.Party],
        ViolationAlleged v => [v.Accuser, v.Accused],
        Objection o => [o.Party, .. o.Toward],
        ParticipationSuspended s => [s.Party, .. s.Toward ?? []],
        ParticipationResumed r => [r.Party],
        WithdrawalAnnounced w => [w.Party],
        WithdrawalNoticeGiven w => [w.Party],
        WithdrawalTookEffect w => [w.Party],
        Statement { By: { } by } => [by],
        ScopeStated { Follows: { } follows } => follows,
        _ => Array.Empty<string>()
    }).Distinct().ToList();
}
