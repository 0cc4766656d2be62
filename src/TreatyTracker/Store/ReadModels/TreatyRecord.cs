using JasperFx.Events;
using TreatyTracker.Treaties;

namespace TreatyTracker.Store.ReadModels;

/// <summary>
/// A treaty's whole record, as its read models are derived from it: the folded treaty, and every fact as recorded, with
/// its texts, sources and who recorded it. Backdated facts change what any day looks like, so a read model follows
/// the whole record, not the last event.
/// </summary>
public sealed record TreatyRecord(Treaty Treaty, IReadOnlyList<RecordedFact> Facts)
{
    public string Id => Treaty.Id;

    /// <summary>The record a treaty's stream makes; null before its registration.</summary>
    public static TreatyRecord? Of(IReadOnlyList<IEvent> stream) =>
        TreatyAggregation.Aggregate(stream) is { } treaty ? new TreatyRecord(treaty, TreatyAggregation.FactsOf(stream)) : null;
}
