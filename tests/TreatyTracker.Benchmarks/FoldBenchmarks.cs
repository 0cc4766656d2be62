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
        var archive = new SyntheticArchive(1, Events);
        var rows = archive.Rows(0).Select(r => r.Deserialize<TreatyTracker.Importing.ImportRow>(TreatyTracker.Api.ApiJson.Options)!).ToList();
        var registration = TreatyTracker.Treaties.Registering.RegisterTreaty.Decide(rows[0].ToRegistration()).Registered!;
        _treaty = Treaty.Register(registration, DateTimeOffset.UnixEpoch);
        foreach (var row in rows.Skip(1))
        {
            var decision = RecordEvent.Decide(_treaty, row);
            _treaty = _treaty.Record(decision.Event!, row.Id ?? Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        }
        _statement = new RecordEventRequest { Type = "statement", On = new DateOnly(2000, 1, 1), Summary = "one more" };
    }

    // StatusFold.Fold(Treaty) keeps each treaty's fold: the benchmarks use a record never folded before, as a
    // request does (its treaty is folded from the stream).
    [Benchmark(Description = "fold a treaty's record into its timeline")]
    public TreatyTimeline Fold() => StatusFold.Fold(_treaty.Kind, _treaty.Term, _treaty.Facts);

    [Benchmark(Description = "decide one more event (validation)")]
    public RecordDecision Decide() => RecordEvent.Decide(_treaty with { }, _statement);
}

file static class JsonExtensions
{
    public static T? Deserialize<T>(this System.Text.Json.Nodes.JsonObject node, System.Text.Json.JsonSerializerOptions options) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(node, options);
}
