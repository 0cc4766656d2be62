using TreatyTracker.MixedLoad;

namespace TreatyTracker.Benchmarks.Soak;

/// <summary>The answers of one kind of request: how many, by status (0: no answer), how fast.</summary>
public sealed record KindFigures(string Kind, int Requests, IReadOnlyDictionary<int, int> ByStatus, double PerSecond, double P50Ms, double P99Ms)
{
    public static IReadOnlyList<KindFigures> From(IReadOnlyCollection<LoadAnswer> answers, TimeSpan elapsed) =>
        answers.GroupBy(a => a.Kind)
            .OrderBy(g => g.Key)
            .Select(g => Of(g.Key.ToString(), g.ToList(), elapsed))
            .Append(Of("all", answers, elapsed))
            .ToList();

    private static KindFigures Of(string kind, IReadOnlyCollection<LoadAnswer> answers, TimeSpan elapsed)
    {
        var latencies = answers.Select(a => a.Milliseconds).Order().ToArray();
        return new KindFigures(kind, answers.Count,
            answers.GroupBy(a => a.Status is { } status ? (int)status : 0).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            answers.Count / elapsed.TotalSeconds, LoadLoop.Percentile(latencies, 0.50), LoadLoop.Percentile(latencies, 0.99));
    }
}
