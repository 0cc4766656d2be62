using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;

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
        // Dated after the record's last fact (the archive's notice of 2099), as most new facts are.
        _statement = new RecordEventRequest { Type = "statement", On = new DateOnly(2099, 12, 1), Summary = "one more" };
    }

    [Benchmark(Description = "fold a treaty's record into its timeline")]
    public TreatyTimeline Fold() => StatusFold.Fold(_treaty.Terms.Kind, _treaty.Terms.Term, _treaty.Facts).Timeline;

    // On a treaty already folded, as a kept one is: the decision continues the fold by one fact, and checks it.
    [Benchmark(Description = "decide one more event on a folded treaty")]
    public Decision Decide() => RecordEvent.Decide(_treaty, _statement, DateTimeOffset.UnixEpoch);
}
