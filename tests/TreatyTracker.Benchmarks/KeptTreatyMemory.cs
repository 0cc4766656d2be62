using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Benchmarks;

/// <summary>What a treaty kept for writing costs in memory: the treaty and the fold a write leaves with it.</summary>
public static class KeptTreatyMemory
{
    public static (double BytesPerTreaty, double BytesPerFact) Measure(int eventsPerTreaty, int treaties = 500)
    {
        var archive = new SyntheticArchive(treaties, treaties * eventsPerTreaty);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = Enumerable.Range(0, treaties).Select(archive.Folded).ToList();
        // A write's decision folds the kept treaty's status, and that fold lives as long as the treaty.
        foreach (var treaty in kept) StatusFold.Fold(treaty);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var facts = kept.Sum(t => t.Facts.Count);
        GC.KeepAlive(kept);
        return ((after - before) / (double)treaties, (after - before) / (double)facts);
    }
}
