using JasperFx.Events;
using Microsoft.Extensions.Caching.Memory;
using TreatyTracker.Treaties;

namespace TreatyTracker.Store.Kept;

/// <summary>
/// The treaties this instance last read or wrote, each as the database holds it at its version, folded. A kept treaty
/// is never trusted on its own: every fetch still reads its stream's version and the events recorded since (see
/// <see cref="TreatyFetchPlan"/>; an import, <see cref="StoredStreams"/>), so a kept treaty only spares reading and
/// folding what it already holds.
/// </summary>
public sealed class KeptTreaties : IDisposable
{
    private readonly MemoryCache? _treaties;

    /// <param name="facts">How many recorded facts, over all kept treaties, this instance keeps; 0 keeps none.</param>
    public KeptTreaties(int facts)
    {
        if (facts > 0) _treaties = new MemoryCache(new MemoryCacheOptions { SizeLimit = facts });
    }

    public bool IsOn => _treaties is not null;

    public Treaty? Kept(string treatyId) => _treaties?.Get<Treaty>(treatyId);

    /// <summary>Keeps a treaty as it stands, or is about to stand, in the database.</summary>
    public void Keep(Treaty treaty)
    {
        // A treaty without facts is identified by its registration alone, which it does not carry; it is one event to read.
        if (_treaties is null || treaty.Facts.Count == 0) return;
        _treaties.Set(treaty.Id, treaty, new MemoryCacheEntryOptions { Size = treaty.Facts.Count });
    }

    /// <summary>
    /// The treaty that <paramref name="events"/>, read for a kept treaty, make: the kept one continued when they start with
    /// the very event it ended with; otherwise they are the whole record, aggregated afresh.
    /// </summary>
    public static Treaty? Continue(Treaty? kept, IReadOnlyList<IEvent> events) =>
        kept is not null && events.Count > 0 && events[0].Version == kept.Version && events[0].Id == kept.Facts[^1].Id
            ? events.Skip(1).Aggregate((Treaty?)kept, TreatyAggregation.Evolve)
            : TreatyAggregation.Aggregate(events);

    public void Dispose() => _treaties?.Dispose();
}
