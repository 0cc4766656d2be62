using System.Collections.Immutable;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Treaties;

/// <summary>
/// The treaty aggregate: its terms and every recorded fact in recording order. Its standing on any day is not kept
/// fact by fact but folded from the facts in order of their dates (<see cref="Timeline"/>, by the status rules): once
/// per treaty, when first asked, and a treaty one fact longer continues the fold of the one it extends.
/// </summary>
public sealed class Treaty
{
    private StatusFold.Folded? _folded;
    private StatusFold.Folded? _continueFrom;

    private Treaty(string id, TreatyTerms terms, DateTimeOffset registeredAt, ImmutableList<RecordedFact> facts, long version,
        StatusFold.Folded? continueFrom)
    {
        Id = id;
        Terms = terms;
        RegisteredAt = registeredAt;
        Facts = facts;
        Version = version;
        _continueFrom = continueFrom;
    }

    public string Id { get; }
    public TreatyTerms Terms { get; }
    public DateTimeOffset RegisteredAt { get; }

    /// <summary>Every fact in recording order, retracted ones and retractions included, without their texts and sources
    /// (the decisions do not read them; the event store keeps them).</summary>
    public ImmutableList<RecordedFact> Facts { get; }

    /// <summary>The version of the treaty's stream: 1 for its registration, one more for each fact.</summary>
    public long Version { get; }

    public static Treaty Register(TreatyRegistered registered, DateTimeOffset registeredAt) =>
        new(registered.TreatyId, registered, AsStored(registeredAt), [], 1, continueFrom: null);

    public Treaty Record(TreatyEvent fact, Guid eventId, DateTimeOffset recordedAt, string? recordedBy = null) =>
        new(Id, Terms, RegisteredAt,
            Facts.Add(new RecordedFact(eventId, Version + 1, AsStored(recordedAt), fact with { Summary = null, Source = null, OtherSources = null }, recordedBy)),
            Version + 1, continueFrom: _folded);

    /// <summary>What the status rules make of the facts: the treaty's and every party's past and known future.</summary>
    public TreatyTimeline Timeline => Folded.Timeline;

    private StatusFold.Folded Folded
    {
        get
        {
            if (_folded is { } folded) return folded;
            // Computed at most a few times if several threads ask at once: the fold is pure, every answer the same.
            folded = (_continueFrom is { } start ? StatusFold.Continue(start, Facts) : null) ?? StatusFold.Fold(Terms.Kind, Terms.Term, Facts);
            _folded = folded;
            _continueFrom = null;
            return folded;
        }
    }

    public RecordedFact? FindFact(Guid eventId) => Facts.FirstOrDefault(f => f.Id == eventId);

    /// <summary>The facts that stand: neither retracted nor retractions (consequences included).</summary>
    public IEnumerable<RecordedFact> StandingFacts => Standing(Facts);

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

    /// <summary>PostgreSQL keeps microseconds: a fact's time as decided and as read back from the store must agree.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset timestamp) =>
        new DateTimeOffset(timestamp.Ticks - timestamp.Ticks % 10, timestamp.Offset).ToUniversalTime();
}
