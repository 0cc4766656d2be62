using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Faults;

/// <summary>Where the database was when a write started or got its answer.</summary>
public enum Outage { Before, Stopping, Down, Restarting, After }

/// <summary>One answered write of the load, identified by the unique summary it carried.</summary>
public sealed record LoadWrite(string Marker, string TreatyId, ApiResponse Answer, Outage StartedIn, Outage AnsweredIn, TimeSpan Took);

/// <summary>
/// Several clients recording statements with distinct summaries, round-robin over a few treaties (so that some
/// writes race on a stream and some do not), until stopped. A request that hangs or finds no server at all is
/// kept as a failure, never retried.
/// </summary>
public sealed class WriteLoad(Writer writer, IReadOnlyList<string> treatyIds)
{
    private readonly ConcurrentQueue<LoadWrite> _answers = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private Task[] _clients = [];
    private volatile Outage _outage = Outage.Before;

    public Outage Outage
    {
        get => _outage;
        set => _outage = value;
    }

    public IReadOnlyCollection<LoadWrite> Answers => _answers;

    public IReadOnlyCollection<string> Failures => _failures;

    public void Start(int clients) =>
        _clients = Enumerable.Range(0, clients).Select(client => Task.Run(() => WriteUntilStoppedAsync(client))).ToArray();

    public async Task<IReadOnlyList<LoadWrite>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        return _answers.ToList();
    }

    /// <summary>Waits until the answers so far satisfy <paramref name="enough"/>; fails the test after <paramref name="limit"/>.</summary>
    public async Task UntilAsync(string what, Func<IReadOnlyCollection<LoadWrite>, bool> enough, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!enough(Answers))
        {
            Assert.True(_failures.IsEmpty, $"Waiting for {what}, requests failed:\n{string.Join('\n', _failures.Take(10))}");
            Assert.True(DateTime.UtcNow < deadline,
                $"No {what} within {limit.TotalSeconds} s; answers so far: " +
                string.Join(", ", Answers.GroupBy(a => (a.StartedIn, (int)a.Answer.Status)).Select(g => $"{g.Key}: {g.Count()}")));
            await Task.Delay(50);
        }
    }

    private async Task WriteUntilStoppedAsync(int client)
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var marker = $"load {client}-{n}";
            var treatyId = treatyIds[(client + n) % treatyIds.Count];
            var startedIn = Outage;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var answer = await writer.PostAsync($"/api/treaties/{treatyId}/events",
                    $$"""{"type":"statement","on":"2020-01-01","summary":"{{marker}}"}""");
                _answers.Enqueue(new LoadWrite(marker, treatyId, answer, startedIn, Outage, Stopwatch.GetElapsedTime(started)));
                // A polite client waits before trying again; a short pause keeps answers coming during the outage.
                if (answer.Status == HttpStatusCode.ServiceUnavailable) await Task.Delay(100);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _failures.Enqueue($"{marker} (started {startedIn}, failed {Outage}): {e.GetType().Name}: {e.Message}");
                return;
            }
        }
    }
}
