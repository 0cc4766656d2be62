using TreatyTracker.Treaties;

namespace TreatyTracker.Benchmarks;

/// <summary>What a treaty kept for writing costs in memory: the treaty and the fold a write leaves with it.</summary>
public static class KeptTreatyMemory
{
    public static (double BytesPerTreaty, double BytesPerFact) Measure(int eventsPerTreaty, int treaties = 500)
    {
        var archive = new SyntheticArchive(treaties, treaties * eventsPerTreaty);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = Enumerable.Range(0, treaties).Select(archive.Folded).ToList();
        // A kept treaty is the one a write decided, folded: its fold lives as long as the treaty.
        foreach (var treaty in kept) _ = treaty.Timeline;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var facts = kept.Sum(t => t.Facts.Count);
        GC.KeepAlive(kept);
        return ((after - before) / (double)treaties, (after - before) / (double)facts);
    }
}
