using System.Text.Json.Nodes;
using TreatyTracker.MixedLoad;

namespace TreatyTracker.Benchmarks.Soak;

/// <summary>Everything a soak measured, and the criteria it failed (none, when it passed).</summary>
public sealed record SoakResult(
    SoakOptions Options,
    JsonObject Machine,
    DateTimeOffset When,
    TimeSpan Took,
    TimeSpan LoadDuration,
    IReadOnlyList<KindFigures> Figures,
    IReadOnlyList<MemorySample> Samples,
    MemoryTrend Memory,
    RecordCheck Record,
    IReadOnlyList<LoadAnswer> Unexpected,
    IReadOnlyList<LoadAnswer> StaleWritesNotRefused,
    int RefusedWrites)
{
    public IReadOnlyList<string> Failures =>
    [
        .. Unexpected.Count > 0 ? [$"{Unexpected.Count} answers were neither 2xx nor 409, first: {Unexpected[0]}"] : Array.Empty<string>(),
        .. StaleWritesNotRefused.Count > 0 ? [$"{StaleWritesNotRefused.Count} writes with a stale If-Match were not refused with 409, first: {StaleWritesNotRefused[0]}"] : Array.Empty<string>(),
        .. Record.Holds ? Array.Empty<string>() : [$"the record does not match the acknowledged writes: {Record}"],
        .. Memory.Growth > Options.RssGrowthTolerance
            ? [$"RSS grew {Memory.Growth:0%} from the first third to the last (tolerance {Options.RssGrowthTolerance:0%})"]
            : Array.Empty<string>()
    ];
}
