using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Recording;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Benchmarks;

/// <summary>In-process micro-benchmarks of the pure status rules, on a treaty of the synthetic archive.</summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
[MemoryDiagnoser]
public class FoldBenchmarks
{
    private Treaty _treaty = null!;
    private RecordEventRequest _statement = null!;

    [Params(100, 1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _treaty = new SyntheticArchive(1, Events).Folded(0);
        _statement = new RecordEventRequest { Type = "statement", On = new DateOnly(2000, 1, 1), Summary = "one more" };
    }

    // StatusFold.Fold(Treaty) keeps each treaty's fold: the benchmarks use a record never folded before, as a
    // request does (its treaty is folded from the stream).
    [Benchmark(Description = "fold a treaty's record into its timeline")]
    public TreatyTimeline Fold() => StatusFold.Fold(_treaty.Kind, _treaty.Term, _treaty.Facts);

    [Benchmark(Description = "decide one more event (validation)")]
    public RecordDecision Decide() => RecordEvent.Decide(_treaty with { }, _statement);
}
