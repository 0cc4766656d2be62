namespace TreatyTracker.Benchmarks.Soak;

/// <summary>
/// The server's RSS over the soak, and whether it settled: the average of the last third of the samples after
/// the warm-up against the average of the first third.
/// </summary>
public sealed record MemoryTrend(long StartKiB, long MinKiB, long MaxKiB, long EndKiB, double FirstThirdKiB, double LastThirdKiB)
{
    public double Growth => LastThirdKiB / FirstThirdKiB - 1;

    public static MemoryTrend From(IReadOnlyList<MemorySample> samples, TimeSpan warmUp)
    {
        var judged = samples.Where(s => s.At >= warmUp).ToList();
        if (judged.Count < 3) judged = samples.ToList();
        var third = (judged[^1].At - judged[0].At) / 3;
        var first = judged.Where(s => s.At <= judged[0].At + third).Average(s => s.RssKiB);
        var last = judged.Where(s => s.At >= judged[^1].At - third).Average(s => s.RssKiB);
        return new MemoryTrend(samples[0].RssKiB, samples.Min(s => s.RssKiB), samples.Max(s => s.RssKiB), samples[^1].RssKiB, first, last);
    }
}
