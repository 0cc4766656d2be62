using TreatyTracker.Treaties;

namespace TreatyTracker.Features.Feeds;

/// <summary>A recorded event in plain words, with its day as sure as the record is of it: "United States gave withdrawal
/// notice on 2019-02-02, effective 2019-08-02".</summary>
public static class EventWords
{
    /// <summary>The event as a sentence without a full stop. A retraction's own words are <see cref="Retraction"/>'s, which knows its target.</summary>
    public static string Of(TreatyEvent fact)
    {
        var when = When(fact);
        return fact switch
        {
            Signed s => $"signed by {Words.List(s.Parties)} {when}",
            Ratified r => $"{r.Party} ratified {when}",
            EnteredIntoForce { Party: { } party } => $"entered into force for {party} {when}",
            EnteredIntoForce { Parties: { Count: > 0 } parties } => $"entered into force for {Words.List(parties)} {when}",
            EnteredIntoForce => $"entered into force {when}",
            Acceded a => $"{a.Party} acceded {when}" + (a.EffectiveOn is { } effective ? $", effective {effective:yyyy-MM-dd}" : ""),
            ProvisionallyApplied { Party: { } party } => $"{party} began to apply it provisionally {when}",
            ProvisionallyApplied => $"applied provisionally {when}",
            Succeeded { Kind: SuccessionKind.Continuation } s => $"{s.Successor} continued as the same party as {s.Predecessor} {when}",
            Succeeded s => $"{s.Successor} succeeded {s.Predecessor} {when}",
            Superseded s => $"superseded by {s.By} {when}",
            RatificationRevoked r => $"{r.Party} revoked its ratification {when}",
            SignatureRenounced r => $"{r.Party} renounced its signature {when}",
            TermExtended t => $"term extended {when}, to expire on {t.ExpiresOn:yyyy-MM-dd}",
            ViolationAlleged v => $"{v.Accuser} alleged a violation by {v.Accused} {when}",
            Objection o => $"{o.Party} objected to an act of {Words.List(o.Toward)} {when}",
            ParticipationSuspended { Toward: { Count: > 0 } toward } s => $"{s.Party} suspended its participation toward {Words.List(toward)} {when}",
            ParticipationSuspended s => $"{s.Party} suspended its participation {when}",
            ParticipationResumed r => $"{r.Party} resumed its participation {when}",
            WithdrawalAnnounced w => $"{w.Party} announced its withdrawal {when}",
            WithdrawalNoticeGiven w => $"{w.Party} gave withdrawal notice {when}, effective {w.EffectiveOn:yyyy-MM-dd}",
            WithdrawalTookEffect w => $"the withdrawal of {w.Party} took effect {when}",
            Terminated => $"terminated {when}",
            Expired => $"expired {when}",
            Abandoned => $"abandoned {when}",
            Statement { By: { } by } => $"statement by {by} {when}",
            Statement => $"statement {when}",
            ScopeStated { Follows: { Count: > 0 } follows } => $"the record was stated to follow only {Words.List(follows)} {when}",
            ScopeStated => $"the record was stated to follow every state that acted on the treaty {when}",
            EventRetracted r => $"retraction of event {r.EventId} {when}",
            _ => $"{TreatyEventTypes.NameOf(fact)} {when}"
        };
    }

    /// <summary>What a retraction withdraws, in the words of its target when the record has it.</summary>
    public static string Retraction(EventRetracted retraction, TreatyEvent? target) =>
        target is null ? Of(retraction) : $"retracted: {Of(target)}";

    /// <summary>The day as sure as the record is of it, as the dashboard and the CLI write it.</summary>
    public static string When(TreatyEvent fact) => fact.Certainty switch
    {
        DateCertainty.Year => $"in {fact.On:yyyy} (year only)",
        DateCertainty.Month => $"in {fact.On:yyyy-MM} (month only)",
        DateCertainty.Unconfirmed => $"on {fact.On:yyyy-MM-dd} (unconfirmed)",
        _ => $"on {fact.On:yyyy-MM-dd}"
    };
}
