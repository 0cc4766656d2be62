using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TreatyTracker.MixedLoad;

namespace TreatyTracker.Benchmarks.Soak;

/// <summary>
/// A bounded soak: the server on a synthetic archive, several closed-loop clients reading and writing for a few
/// minutes on loopback, the server's memory sampled throughout, and the record checked against the acknowledged
/// writes at the end. Exits non-zero when a criterion fails.
/// </summary>
public static class Soak
{
    public static async Task<int> RunAsync(SoakOptions options)
    {
        var took = Stopwatch.StartNew();
        await using var postgres = await BenchmarkDatabase.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("soak");
        var machine = Machine.Describe(await new Baselines(connectionString).SettingsAsync(), postgres.Description);
        await using var server = await ServerProcess.StartAsync(connectionString);
        using var http = await server.EditorClientAsync(options.HangLimit);

        var archive = new SyntheticArchive(options.Treaties, options.Events);
        await ArchiveImport.RunAsync(http, archive, treatiesPerRequest: 50);
        var treaties = await LoadTreaty.ReadAllAsync(server.Client);
        Console.WriteLine($"Soak: {options.Clients} clients for {options.Duration.TotalMinutes:0.#} min on {treaties.Count} treaties; RSS every {options.SampleEvery.TotalSeconds:F0} s");

        var answers = new ConcurrentQueue<LoadAnswer>();
        var sampler = new MemorySampler(server.ProcessId, options.SampleEvery, sample =>
            Console.WriteLine($"  {sample.At:m\\:ss}  RSS {sample.RssKiB / 1024} MiB  {answers.Count} answers, {answers.Count(a => !a.IsExpected)} unexpected"));
        sampler.Start();
        var load = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var mixed = new MixedClient(http, treaties, $"client {client}", seed: client);
            while (load.Elapsed < options.Duration)
                foreach (var answer in await mixed.NextAsync()) answers.Enqueue(answer);
        })));
        var loadDuration = load.Elapsed;
        var samples = await sampler.StopAsync();

        var all = answers.ToList();
        var record = await RecordCheck.ReadAsync(http, all);
        var result = new SoakResult(options, machine, DateTimeOffset.UtcNow, took.Elapsed, loadDuration,
            KindFigures.From(all, loadDuration), samples, MemoryTrend.From(samples, options.WarmUp), record,
            all.Where(a => !a.IsExpected).ToList(),
            all.Where(a => a.Kind == RequestKind.WriteWithStaleIfMatch && a.Status != HttpStatusCode.Conflict).ToList(),
            all.Count(a => a is { IsWrite: true, Status: HttpStatusCode.Conflict }));
        await SoakReport.WriteAsync(result);

        foreach (var failure in result.Failures) Console.Error.WriteLine($"FAILED: {failure}");
        return result.Failures.Count == 0 ? 0 : 1;
    }
}
