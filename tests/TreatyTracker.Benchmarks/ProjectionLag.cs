using System.Diagnostics;
using System.Text;
using Npgsql;

namespace TreatyTracker.Benchmarks;

/// <summary>
/// How long after a write is answered the read models include it: each client writes one event, takes the write's
/// <c>Record-Sequence</c>, and polls the projection's progress row (every millisecond) until it has passed it.
/// </summary>
public static class ProjectionLag
{
    public static async Task<LoadResult> MeasureAsync(HttpClient writer, string connectionString, int clients, int writesPerClient, int firstTreaty, int treaties)
    {
        var lags = new List<double>[clients];
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = lags[client] = new List<double>(writesPerClient);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var progress = new NpgsqlCommand("select last_seq_id from treaties.mt_event_progression where name = 'ReadModels:All'", connection);
            await progress.PrepareAsync();
            for (var n = 0; n < writesPerClient; n++)
            {
                using var body = new StringContent("""{"type":"statement","on":"2000-01-01","summary":"lag"}""", Encoding.UTF8, "application/json");
                using var response = await writer.PostAsync($"/api/treaties/{SyntheticArchive.TreatyId((firstTreaty + client + n * clients) % treaties)}/events", body);
                var answered = Stopwatch.GetTimestamp();
                if (!response.Headers.TryGetValues("Record-Sequence", out var values))
                {
                    if (Interlocked.Increment(ref failures) == 1)
                        Console.WriteLine($"  first failed write: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                var sequence = long.Parse(values.Single());
                while ((long)(await progress.ExecuteScalarAsync() ?? 0L) < sequence)
                {
                    if (Stopwatch.GetElapsedTime(answered) > TimeSpan.FromSeconds(30)) { Interlocked.Increment(ref failures); break; }
                    await Task.Delay(1);
                }
                mine.Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
            }
        })));
        var all = lags.SelectMany(l => l).Order().ToArray();
        return new LoadResult(clients, all.Length, failures, double.NaN, LoadLoop.Percentile(all, 0.50), LoadLoop.Percentile(all, 0.99));
    }

    /// <summary>
    /// Waits until the read models include every event stored (the write runs before the lag is measured leave the daemon
    /// behind); returns how many events they were behind and how long they took to catch up.
    /// </summary>
    public static async Task<(long Behind, TimeSpan Took)> CatchUpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var newest = new NpgsqlCommand("select coalesce(max(seq_id), 0) from treaties.mt_events", connection);
        await using var progress = new NpgsqlCommand("select last_seq_id from treaties.mt_event_progression where name = 'ReadModels:All'", connection);
        var clock = Stopwatch.StartNew();
        var target = (long)(await newest.ExecuteScalarAsync())!;
        var behind = target - (long)(await progress.ExecuteScalarAsync() ?? 0L);
        while ((long)(await progress.ExecuteScalarAsync() ?? 0L) < target)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"The read models did not reach event {target} in ten minutes.");
            await Task.Delay(5);
        }
        return (behind, clock.Elapsed);
    }
}
