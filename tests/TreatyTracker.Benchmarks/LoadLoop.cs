using System.Diagnostics;

namespace TreatyTracker.Benchmarks;

public sealed record LoadResult(int Clients, int Requests, int Failures, double PerSecond, double P50Ms, double P99Ms, string Note = "")
{
    public string Describe => (double.IsNaN(PerSecond) ? "" : $"{PerSecond:F0}/s, ") + $"p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms ({Clients} client{(Clients == 1 ? "" : "s")}, {Requests} requests{(Failures > 0 ? $", {Failures} failed" : "")}{Note})";
}

/// <summary>
/// A closed-loop load: each client sends its next request when the previous one answered. Bounded in requests
/// and in time; it only ever talks to loopback.
/// </summary>
public static class LoadLoop
{
    public static async Task<LoadResult> RunAsync(int clients, int requestsPerClient, Func<int, int, Task<bool>> request, TimeSpan? limit = null)
    {
        var stop = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        var latencies = new List<double>[clients];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(requestsPerClient);
            for (var n = 0; n < requestsPerClient && DateTime.UtcNow < stop; n++)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await request(client, n);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(clients, all.Length, failures, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
