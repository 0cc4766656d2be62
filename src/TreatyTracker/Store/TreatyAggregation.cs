using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using TreatyTracker.Treaties;

namespace TreatyTracker.Store;

/// <summary>How Marten folds a treaty's stream into the <see cref="Treaty"/> aggregate when a command fetches it.</summary>
public partial class TreatyAggregation : SingleStreamProjection<Treaty, string>
{
    public override ValueTask<Treaty?> EvolveAsync(Treaty? snapshot, string id, IQuerySession session, IEvent @event, CancellationToken cancellation) =>
        ValueTask.FromResult(Evolve(snapshot, @event));

    public static Treaty? Aggregate(IEnumerable<IEvent> stream) => stream.Aggregate((Treaty?)null, Evolve);

    /// <summary>A stream's facts as recorded, with their summaries and sources (which the aggregate does not keep).</summary>
    public static List<RecordedFact> FactsOf(IEnumerable<IEvent> stream) => stream
        .Where(e => e.Data is TreatyEvent)
        .Select(e => new RecordedFact(e.Id, e.Version, Treaty.AsStored(e.Timestamp), (TreatyEvent)e.Data, e.UserName))
        .ToList();

    /// <summary>A stream's events before its registration fold into nothing.</summary>
    public static Treaty? Evolve(Treaty? treaty, IEvent @event) => (treaty, @event.Data) switch
    {
        (null, TreatyRegistered registered) => Treaty.Register(registered, @event.Timestamp),
        (not null, TreatyEvent fact) => treaty.Record(fact, @event.Id, @event.Timestamp, @event.UserName),
        _ => treaty
    };
}
