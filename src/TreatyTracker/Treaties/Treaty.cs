using System.Collections.Immutable;
using System.Text.Json.Serialization;
using JasperFx.Events;

namespace TreatyTracker.Treaties;

// The life of a treaty, one Marten stream per treaty keyed by a readable id ("inf", "new-start").
// Every event but the registration is a fact about the world: it carries the day it happened (On),
// an optional summary and an optional citation. The JSON "type" names are the public vocabulary of
// the API and the seeds.

public sealed record Citation(string Title, string? Url = null, DateOnly? PublishedOn = null);

[JsonConverter(typeof(JsonStringEnumConverter<TreatyKind>))]
public enum TreatyKind
{
    [JsonStringEnumMemberName("bilateral")] Bilateral,
    [JsonStringEnumMemberName("multilateral")] Multilateral
}

/// <summary>Opens a treaty's stream: what the treaty is, not something that happened in the world.</summary>
public sealed record TreatyRegistered(
    string TreatyId,
    string Name,
    string ShortName,
    TreatyKind Kind,
    IsoPeriod WithdrawalNoticePeriod,
    IsoPeriod? Term,
    Citation? Source);

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

/// <summary>One event of the stream as the rules need it: the fact, its id, its place and when we learned it.</summary>
public sealed record RecordedFact(Guid Id, long Version, DateTimeOffset RecordedAt, TreatyEvent Event);

/// <summary>
/// The treaty aggregate: its registration and every recorded fact in recording order. Its standing on a
/// given day is not kept here but folded from the facts in order of their dates (see Status/StatusFold).
/// </summary>
public sealed record Treaty(
    string Id,
    string Name,
    string ShortName,
    TreatyKind Kind,
    IsoPeriod WithdrawalNoticePeriod,
    IsoPeriod? Term,
    Citation? Source,
    DateTimeOffset RegisteredAt,
    ImmutableList<RecordedFact> Facts,
    long StreamVersion)
{
    /// <summary>Before its registration: only <see cref="Evolve"/> reads it.</summary>
    public static readonly Treaty Empty = new("", "", "", TreatyKind.Bilateral, new IsoPeriod(0, 0, 0), null, null, default, [], 0);

    public static Treaty Register(TreatyRegistered registered, DateTimeOffset registeredAt) => new(
        registered.TreatyId, registered.Name, registered.ShortName, registered.Kind,
        registered.WithdrawalNoticePeriod, registered.Term, registered.Source, registeredAt, [], 1);

    public Treaty Record(TreatyEvent fact, Guid eventId, DateTimeOffset recordedAt) => this with
    {
        Facts = Facts.Add(new RecordedFact(eventId, StreamVersion + 1, recordedAt, fact)),
        StreamVersion = StreamVersion + 1
    };

    public Treaty Evolve(IEvent @event) => @event.Data switch
    {
        TreatyRegistered registered => Register(registered, AsStored(@event.Timestamp)),
        // The aggregate keeps what decisions need; texts, sources and the audit trail stay in the event store.
        TreatyEvent fact => Record(fact with { Summary = null, Source = null }, @event.Id, AsStored(@event.Timestamp)),
        _ => this
    };

    /// <summary>PostgreSQL keeps microseconds: folding at append time and folding from the store must agree.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset timestamp) =>
        new DateTimeOffset(timestamp.Ticks - timestamp.Ticks % 10, timestamp.Offset).ToUniversalTime();

    public RecordedFact? FindFact(Guid eventId) => Facts.FirstOrDefault(f => f.Id == eventId);

    /// <summary>The facts that count: neither retracted nor retractions.</summary>
    [JsonIgnore] public IEnumerable<RecordedFact> StandingFacts => Standing(Facts);

    public static IEnumerable<RecordedFact> Standing(IEnumerable<RecordedFact> facts)
    {
        var recorded = facts.ToList();
        var retracted = Retracted(recorded);
        return recorded.Where(f => Stands(f, retracted));
    }

    /// <summary>The ids of the facts a retraction among <paramref name="facts"/> withdrew.</summary>
    public static IReadOnlySet<Guid> Retracted(IEnumerable<RecordedFact> facts) =>
        facts.Select(f => f.Event).OfType<EventRetracted>().Select(r => r.EventId).ToHashSet();

    public static bool Stands(RecordedFact fact, IReadOnlySet<Guid> retracted) =>
        fact.Event is not EventRetracted && !retracted.Contains(fact.Id);
}
