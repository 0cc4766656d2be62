using System.Diagnostics;

namespace TreatyTracker.Benchmarks.Soak;

public sealed record MemorySample(TimeSpan At, long RssKiB);

/// <summary>The resident set size of a process, from /proc/PID/status, taken at a fixed period until stopped.</summary>
public sealed class MemorySampler(int processId, TimeSpan every, Action<MemorySample>? onSample = null)
{
    private readonly List<MemorySample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = new();
    private Task _sampling = Task.CompletedTask;

    public IReadOnlyList<MemorySample> Samples
    {
        get { lock (_samples) return _samples.ToList(); }
    }

    public void Start()
    {
        _clock.Start();
        Take();
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token)) Take();
            }
            catch (OperationCanceledException) { }
        });
    }

    /// <summary>Stops sampling, with one last sample unless the latest was just taken.</summary>
    public async Task<IReadOnlyList<MemorySample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        if (_clock.Elapsed - Samples[^1].At > TimeSpan.FromSeconds(1)) Take();
        return Samples;
    }

    private void Take()
    {
        var sample = new MemorySample(_clock.Elapsed, ReadRssKiB(processId));
        lock (_samples) _samples.Add(sample);
        onSample?.Invoke(sample);
    }

    public static long ReadRssKiB(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
    }
}
