using JasperFx.Events;
using Microsoft.Extensions.Caching.Memory;

namespace TreatyTracker.Treaties.FetchingForWriting;

/// <summary>Settings under <c>TreatyTracker:KeptTreaties</c>.</summary>
public sealed class KeptTreatiesOptions
{
    /// <summary>How many recorded facts, over all kept treaties, this instance keeps folded; 0 turns keeping off.</summary>
    public int Facts { get; set; } = 200_000;
}

/// <summary>
/// The treaties this instance last folded, each as the database holds it at its version: as a write or an import read
/// it, or as a commit through this instance left it (<see cref="KeepCommittedTreaties"/>). A kept treaty is never
/// trusted on its own: every write still reads its stream's version and the events recorded
/// since (see <see cref="TreatyFetchPlan"/>; an import, <see cref="StoredStreams"/>), so a kept treaty only spares reading and folding what it already holds.
/// </summary>
public sealed class KeptTreaties : IDisposable
{
    private readonly MemoryCache? _treaties;

    public KeptTreaties(KeptTreatiesOptions options)
    {
        if (options.Facts > 0) _treaties = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Facts });
    }

    public static KeptTreaties From(IConfiguration configuration) =>
        new(configuration.GetSection("TreatyTracker:KeptTreaties").Get<KeptTreatiesOptions>() ?? new KeptTreatiesOptions());

    public Treaty? Find(string treatyId) => _treaties?.Get<Treaty>(treatyId);

    /// <summary>Keeps a treaty as it stands in the database: as read, or as a commit left it (never with uncommitted events).</summary>
    public void Keep(Treaty treaty)
    {
        // A treaty without facts is identified by its registration alone, which it does not carry; it is one event to read.
        if (_treaties is null || treaty.Facts.Count == 0) return;
        _treaties.Set(treaty.Id, treaty, new MemoryCacheEntryOptions { Size = treaty.Facts.Count });
    }

    /// <summary>
    /// The treaty that <paramref name="events"/>, read for a kept treaty, make: the kept one carried on when they start
    /// with the very event it ended with; otherwise they are the whole record, folded afresh.
    /// </summary>
    public static Treaty? CarryOn(Treaty? kept, IReadOnlyList<IEvent> events) =>
        kept is not null && events.Count > 0 && events[0].Version == kept.StreamVersion && events[0].Id == kept.Facts[^1].Id
            ? events.Skip(1).Aggregate(kept, (folded, e) => folded.Evolve(e))
            : TreatyProjection.Fold(events);

    public void Dispose() => _treaties?.Dispose();
}
