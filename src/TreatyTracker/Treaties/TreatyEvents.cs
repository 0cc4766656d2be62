using System.Text.Json.Serialization;

namespace TreatyTracker.Treaties;

// The life of a treaty, one stream per treaty keyed by a readable id ("inf", "new-start"). Every event but the
// registration is a fact about the world: it carries the day it happened (On), an optional summary and an optional
// citation. The JSON "type" names are the public vocabulary of the API and the seeds.

public sealed record Citation(string Title, string? Url = null, DateOnly? PublishedOn = null);

[JsonConverter(typeof(JsonStringEnumConverter<TreatyKind>))]
public enum TreatyKind
{
    [JsonStringEnumMemberName("bilateral")] Bilateral,
    [JsonStringEnumMemberName("multilateral")] Multilateral
}

/// <summary>How sure the date of an event is. Null, on an event, means the day itself is confirmed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DateCertainty>))]
public enum DateCertainty
{
    /// <summary>The day is confirmed by a source an analyst can quote.</summary>
    [JsonStringEnumMemberName("day")] Day,
    /// <summary>Only the month is known; the date is the month's first day.</summary>
    [JsonStringEnumMemberName("month")] Month,
    /// <summary>Only the year is known; the date is the year's first day.</summary>
    [JsonStringEnumMemberName("year")] Year,
    /// <summary>No quotable source confirms the date: none was found, or only a weak one.</summary>
    [JsonStringEnumMemberName("unconfirmed")] Unconfirmed
}

/// <summary>How a state took over from another: the same party under a new name, or a new state in its predecessor's place.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuccessionKind>))]
public enum SuccessionKind
{
    /// <summary>The successor is the predecessor under another name (Russia continuing the USSR).</summary>
    [JsonStringEnumMemberName("continuation")] Continuation,
    /// <summary>A new state takes over its predecessor's standing from that day (the Czech Republic for Czechoslovakia).</summary>
    [JsonStringEnumMemberName("succession")] Succession
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Signed), "signed")]
[JsonDerivedType(typeof(ProvisionallyApplied), "provisionally-applied")]
[JsonDerivedType(typeof(Succeeded), "succeeded")]
[JsonDerivedType(typeof(Superseded), "superseded")]
[JsonDerivedType(typeof(Ratified), "ratified")]
[JsonDerivedType(typeof(SignatureRenounced), "signature-renounced")]
[JsonDerivedType(typeof(EnteredIntoForce), "entered-into-force")]
[JsonDerivedType(typeof(Acceded), "acceded")]
[JsonDerivedType(typeof(RatificationRevoked), "ratification-revoked")]
[JsonDerivedType(typeof(TermExtended), "term-extended")]
[JsonDerivedType(typeof(ViolationAlleged), "violation-alleged")]
[JsonDerivedType(typeof(Objection), "objection")]
[JsonDerivedType(typeof(ParticipationSuspended), "participation-suspended")]
[JsonDerivedType(typeof(ParticipationResumed), "participation-resumed")]
[JsonDerivedType(typeof(WithdrawalAnnounced), "withdrawal-announced")]
[JsonDerivedType(typeof(WithdrawalNoticeGiven), "withdrawal-notice-given")]
[JsonDerivedType(typeof(WithdrawalTookEffect), "withdrawal-took-effect")]
[JsonDerivedType(typeof(Terminated), "terminated")]
[JsonDerivedType(typeof(Expired), "expired")]
[JsonDerivedType(typeof(Abandoned), "abandoned")]
[JsonDerivedType(typeof(Statement), "statement")]
[JsonDerivedType(typeof(EventRetracted), "event-retracted")]
[JsonDerivedType(typeof(ScopeStated), "scope-stated")]
public abstract record TreatyEvent
{
    public DateOnly On { get; init; }

    /// <summary>How sure <see cref="On"/> is; null when the day is confirmed.</summary>
    public DateCertainty? Certainty { get; init; }

    public string? Summary { get; init; }

    /// <summary>The primary source.</summary>
    public Citation? Source { get; init; }

    /// <summary>Further sources, besides the primary one.</summary>
    public IReadOnlyList<Citation>? OtherSources { get; init; }

    /// <summary>How this fact relates its treaty to others (it answers, replaces or amends them).</summary>
    public IReadOnlyList<TreatyLink>? Links { get; init; }
}

/// <summary>How one treaty stands to another, read from the treaty whose fact states it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LinkRelation>))]
public enum LinkRelation
{
    /// <summary>The fact answers an act under the other treaty (Russia's word on START II the day after the ABM Treaty ended).</summary>
    [JsonStringEnumMemberName("answers")] Answers,
    /// <summary>This treaty takes the other's place (New START, START I).</summary>
    [JsonStringEnumMemberName("replaces")] Replaces,
    /// <summary>This instrument amends the other treaty (the Adapted CFE Agreement, CFE).</summary>
    [JsonStringEnumMemberName("amends")] Amends,
    /// <summary>The other treaty superseded this one (stated by a superseded event, never given as a link).</summary>
    [JsonStringEnumMemberName("superseded-by")] SupersededBy
}

/// <summary>A fact's relation to another treaty, by the other treaty's id.</summary>
public sealed record TreatyLink(LinkRelation Relation, string Treaty);

/// <summary>
/// A consequence the server records on its own when a deadline falls due (a withdrawal taking effect, the end of a
/// treaty): <see cref="FollowsFrom"/> names the fact it follows from. It never counts on its own: the status rules
/// derive the same from its cause, and it is retracted when its cause stops making it due.
/// </summary>
public interface IConsequence
{
    Guid? FollowsFrom { get; }
}

public sealed record Signed(IReadOnlyList<string> Parties) : TreatyEvent;

public sealed record Ratified(string Party) : TreatyEvent;

/// <summary>
/// Entry into force: for one party that joins later (Party), or for the treaty, binding the signatories listed in Parties
/// (those that had ratified), or every signatory when none is listed.
/// </summary>
public sealed record EnteredIntoForce(string? Party = null) : TreatyEvent
{
    public IReadOnlyList<string>? Parties { get; init; }
}

/// <summary>The deposit of an instrument of accession; the treaty binds the state at once, or from EffectiveOn.</summary>
public sealed record Acceded(string Party, DateOnly? EffectiveOn = null) : TreatyEvent;

/// <summary>The treaty, or parts of it, applied before it enters into force: by every signatory (Party null) or by one.</summary>
public sealed record ProvisionallyApplied(string? Party = null) : TreatyEvent;

/// <summary>A state takes over from another (see <see cref="SuccessionKind"/>).</summary>
public sealed record Succeeded(string Successor, string Predecessor, SuccessionKind Kind) : TreatyEvent;

/// <summary>The treaty is replaced by another (By: the other treaty's id) and ends.</summary>
public sealed record Superseded(string By) : TreatyEvent;

public sealed record RatificationRevoked(string Party) : TreatyEvent;

/// <summary>
/// A state that signed (or ratified) a treaty not yet in force for it declares that it will not become bound, or no
/// longer holds itself to a signatory's duty not to defeat the treaty's purpose.
/// </summary>
public sealed record SignatureRenounced(string Party) : TreatyEvent;

public sealed record TermExtended(DateOnly ExpiresOn) : TreatyEvent;

/// <summary>A counter-accusation is the same event with accuser and accused reversed.</summary>
public sealed record ViolationAlleged(string Accuser, string Accused) : TreatyEvent;

/// <summary>A party objects to an act of the parties in Toward (a suspension toward it, say); it changes nobody's status.</summary>
public sealed record Objection(string Party, IReadOnlyList<string> Toward) : TreatyEvent;

public sealed record ParticipationSuspended(string Party, IReadOnlyList<string>? Toward = null) : TreatyEvent;

public sealed record ParticipationResumed(string Party) : TreatyEvent;

/// <summary>An intent to withdraw; it has no legal effect.</summary>
public sealed record WithdrawalAnnounced(string Party) : TreatyEvent;

public sealed record WithdrawalNoticeGiven(string Party, DateOnly EffectiveOn) : TreatyEvent;

public sealed record WithdrawalTookEffect(string Party) : TreatyEvent, IConsequence
{
    public Guid? FollowsFrom { get; init; }
}

public sealed record Terminated : TreatyEvent, IConsequence
{
    public Guid? FollowsFrom { get; init; }
}

public sealed record Expired : TreatyEvent, IConsequence
{
    public Guid? FollowsFrom { get; init; }
}

/// <summary>A treaty that never entered into force is recorded as one that never will.</summary>
public sealed record Abandoned : TreatyEvent;

/// <summary>A dated note with a source: an offer, a pledge, a position.</summary>
public sealed record Statement(string? By = null) : TreatyEvent;

/// <summary>
/// Which states this treaty's record follows, as its keepers state it: only those in <see cref="Follows"/>, or every state
/// that acted on the treaty when it is null. It speaks of the record, not of the world, so the latest one recorded holds
/// whatever day is asked about; <c>On</c> is the day it was stated.
/// </summary>
public sealed record ScopeStated(IReadOnlyList<string>? Follows = null) : TreatyEvent;

/// <summary>History is never rewritten: a wrong entry is retracted, and a correct one recorded if needed.</summary>
public sealed record EventRetracted(Guid EventId, string Reason) : TreatyEvent;

/// <summary>One recorded event as the rules need it: the fact, its id, its version in the stream, when we learned it and who recorded it.</summary>
public sealed record RecordedFact(Guid Id, long Version, DateTimeOffset RecordedAt, TreatyEvent Event, string? RecordedBy = null)
{
    /// <summary>
    /// Who records the consequences of deadlines. Releases before <see cref="IConsequence.FollowsFrom"/> existed left it
    /// unset on them: the recorder tells them apart from the same events recorded from a source.
    /// </summary>
    public const string ConsequenceRecorder = "treatytracker (deadline)";

    /// <summary>Whether the server recorded this as the consequence of a deadline rather than as a fact in its own right.</summary>
    public bool IsConsequence => Event is IConsequence consequence && (consequence.FollowsFrom is not null || RecordedBy == ConsequenceRecorder);
}

/// <summary>The public names of the event catalogue ("signed", "withdrawal-notice-given" …), read from <see cref="TreatyEvent"/>'s JSON attributes.</summary>
public static class TreatyEventTypes
{
    private static readonly IReadOnlyDictionary<Type, string> NamesByType = typeof(TreatyEvent)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false)
        .Cast<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static IReadOnlyCollection<string> Names { get; } = NamesByType.Values.ToList();

    public static IReadOnlyCollection<Type> Types { get; } = NamesByType.Keys.ToList();

    public static string NameOf(TreatyEvent fact) => NamesByType[fact.GetType()];
}
