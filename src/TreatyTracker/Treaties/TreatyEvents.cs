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

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Signed), "signed")]
[JsonDerivedType(typeof(Ratified), "ratified")]
[JsonDerivedType(typeof(EnteredIntoForce), "entered-into-force")]
[JsonDerivedType(typeof(Acceded), "acceded")]
[JsonDerivedType(typeof(RatificationRevoked), "ratification-revoked")]
[JsonDerivedType(typeof(TermExtended), "term-extended")]
[JsonDerivedType(typeof(ViolationAlleged), "violation-alleged")]
[JsonDerivedType(typeof(ParticipationSuspended), "participation-suspended")]
[JsonDerivedType(typeof(ParticipationResumed), "participation-resumed")]
[JsonDerivedType(typeof(WithdrawalAnnounced), "withdrawal-announced")]
[JsonDerivedType(typeof(WithdrawalNoticeGiven), "withdrawal-notice-given")]
[JsonDerivedType(typeof(WithdrawalTookEffect), "withdrawal-took-effect")]
[JsonDerivedType(typeof(Terminated), "terminated")]
[JsonDerivedType(typeof(Expired), "expired")]
[JsonDerivedType(typeof(Statement), "statement")]
[JsonDerivedType(typeof(EventRetracted), "event-retracted")]
public abstract record TreatyEvent
{
    public DateOnly On { get; init; }
    public string? Summary { get; init; }
    public Citation? Source { get; init; }
}

public sealed record Signed(IReadOnlyList<string> Parties) : TreatyEvent;

public sealed record Ratified(string Party) : TreatyEvent;

/// <summary>Entry into force for every party (Party null) or for one party that joins later.</summary>
public sealed record EnteredIntoForce(string? Party = null) : TreatyEvent;

public sealed record Acceded(string Party) : TreatyEvent;

public sealed record RatificationRevoked(string Party) : TreatyEvent;

public sealed record TermExtended(DateOnly ExpiresOn) : TreatyEvent;

/// <summary>A counter-accusation is the same event with accuser and accused reversed.</summary>
public sealed record ViolationAlleged(string Accuser, string Accused) : TreatyEvent;

public sealed record ParticipationSuspended(string Party, IReadOnlyList<string>? Toward = null) : TreatyEvent;

public sealed record ParticipationResumed(string Party) : TreatyEvent;

/// <summary>An intent to withdraw; it has no legal effect.</summary>
public sealed record WithdrawalAnnounced(string Party) : TreatyEvent;

public sealed record WithdrawalNoticeGiven(string Party, DateOnly EffectiveOn) : TreatyEvent;

public sealed record WithdrawalTookEffect(string Party) : TreatyEvent;

public sealed record Terminated : TreatyEvent;

public sealed record Expired : TreatyEvent;

/// <summary>A dated note with a source: an offer, a pledge, a position.</summary>
public sealed record Statement(string? By = null) : TreatyEvent;

/// <summary>History is never rewritten: a wrong entry is retracted, and a correct one recorded if needed.</summary>
public sealed record EventRetracted(Guid EventId, string Reason) : TreatyEvent;

/// <summary>One recorded event as the rules need it: the fact, its id, its version in the stream and when we learned it.</summary>
public sealed record RecordedFact(Guid Id, long Version, DateTimeOffset RecordedAt, TreatyEvent Event);

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
