using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Running;
using Npgsql;
using TreatyTracker.Benchmarks;
using TreatyTracker.Benchmarks.Soak;
using TreatyTracker.Hosting.LocalPostgres;
using TreatyTracker.Store;

// dotnet run -c Release --project tests/TreatyTracker.Benchmarks -- [--treaties N] [--events M] [--quick] [--no-fold] [--out DIR]
//   [--only coldstart,import,writes,reads,status,states,rebuild] (the archive is always imported; --only implies --no-fold)
//   [--server-setting KEY=VALUE …] (the server's settings for this run, e.g. TreatyTracker:ReadYourWrites:WaitSeconds=30)
//   or -- --soak [--minutes 3] [--clients 8] [--treaties 200] [--events 10000] [--out DIR]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--fold-only"))
{
    BenchmarkRunner.Run<FoldBenchmarks>();
    return 0;
}
if (args.Contains("--soak")) return await Soak.RunAsync(SoakOptions.Parse(args, Options.ResultsFolder));
var options = Options.Parse(args);
foreach (var setting in args.Select((a, i) => (a, i)).Where(x => x.a == "--server-setting").Select(x => args[x.i + 1]))
    ServerProcess.Settings[setting.Split('=', 2)[0]] = setting.Split('=', 2)[1];
if (options.Only?.Except(Options.Scenarios).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"--only: unknown scenario(s) {string.Join(", ", unknown)}; choose from {string.Join(",", Options.Scenarios)}.");
    return 2;
}
var report = new Report(options);
var total = Stopwatch.StartNew();

await using var postgres = await BenchmarkDatabase.StartAsync();
var connectionString = await postgres.CreateDatabaseAsync("bench");
var baselines = new Baselines(connectionString);
report.Machine(await baselines.SettingsAsync(), postgres.Description);
var archive = new SyntheticArchive(options.Treaties, options.Events);
Console.WriteLine($"Archive: {archive.Treaties} treaties x ~{archive.EventsPerTreaty} events; PostgreSQL: {postgres.Description}");

// Cold start on an empty database (schema created on the way), then the server the scenarios use.
if (options.Runs("coldstart"))
{
    await using var first = await ServerProcess.StartAsync(connectionString);
    report.Add("cold start, empty database", "process start → first 200 from /api/treaties", $"{first.ColdStart.TotalSeconds:F2} s", "—", "≤ 1.5 s", first.ColdStart.TotalSeconds <= 1.5);
}
var server = await ServerProcess.StartAsync(connectionString);
if (options.Runs("coldstart"))
{
    report.Add("cold start, existing schema", "process start → first 200 from /api/treaties", $"{server.ColdStart.TotalSeconds:F2} s", "—", "≤ 1.5 s", server.ColdStart.TotalSeconds <= 1.5);
    Console.WriteLine("Publishing the server as deployed (ReadyToRun) …");
    var deployed = await DeployedServer.PublishAsync();
    // Three starts, one after another: a single one measured anything from 1.2 to 1.6 s on the same code.
    var starts = new List<double>();
    for (var start = 0; start < 3; start++)
    {
        await using var asDeployed = await ServerProcess.StartAsync(connectionString, deployed, "Production");
        starts.Add(asDeployed.ColdStart.TotalSeconds);
    }
    var median = starts.Order().ElementAt(1);
    report.Add("cold start as deployed (ReadyToRun publish, Production), median of 3", "process start → first 200 from /api/treaties",
        $"{median:F2} s ({string.Join(", ", starts.Select(s => $"{s:F2}"))})", "—", "≤ 1.5 s", median <= 1.5);
}

// Bulk import beside raw COPY of the same rows.
await baselines.CreateTablesAsync();
var copyRate = await baselines.CopyAsync(archive);
using var editor = await server.EditorClientAsync();
var importClock = Stopwatch.StartNew();
var importRate = await ArchiveImport.RunAsync(editor, archive, options.TreatiesPerRequest);
var imported = importClock.Elapsed;
await server.ProjectedAsync(connectionString);
var readableRate = await baselines.EventCountAsync("treaties") / importClock.Elapsed.TotalSeconds;
report.Add("bulk import (POST /api/import): the events recorded", "events/s", $"{importRate:F0}/s", $"COPY {copyRate:F0}/s", "≥ 0.5 × baseline", importRate >= 0.5 * copyRate, importRate / copyRate);
report.Add("bulk import until every read model has it (the async daemon caught up)", "events/s", $"{readableRate:F0}/s ({(importClock.Elapsed - imported).TotalSeconds:F1} s after the last import answered)",
    $"COPY {copyRate:F0}/s", "—", null, readableRate / copyRate);

// The same events through the event store alone, for the import and the writes to be read against the store's own floor.
await using var floor = new EventStoreFloor(connectionString);
if (options.Runs("import") || options.Runs("writes"))
{
    var floorRate = await floor.AppendArchiveAsync(archive, options.TreatiesPerRequest);
    report.Add("event store alone: the archive appended through Marten (no HTTP, validation or read models)", "events/s",
        $"{floorRate:F0}/s (the import ran at {importRate / floorRate:F2} of it)", $"COPY {copyRate:F0}/s", "—", null, floorRate / copyRate);
    var copiedRate = await EventStoreFloor.CopyArchiveAsync(connectionString, archive, options.TreatiesPerRequest);
    report.Add("event store alone: the archive through Marten's COPY append (BulkInsertEventsAsync, a transaction of its own)", "events/s",
        $"{copiedRate:F0}/s (the import ran at {importRate / copiedRate:F2} of it)", $"COPY {copyRate:F0}/s", "—", null, copiedRate / copyRate);
}
if (options.Runs("import"))
{
    // One more event for every recorded treaty: the import must read each treaty's record to decide its row.
    var intoRecordedRate = await ArchiveImport.RunIntoRecordedAsync(editor, archive, options.TreatiesPerRequest);
    var floorIntoRecorded = await floor.AppendIntoRecordedAsync(archive, options.TreatiesPerRequest);
    report.Add("bulk import into recorded treaties (one event each)", "events/s including read models", $"{intoRecordedRate:F0}/s",
        $"event store alone {floorIntoRecorded:F0}/s", "≥ 0.8 × baseline", intoRecordedRate >= 0.8 * floorIntoRecorded, intoRecordedRate / floorIntoRecorded);
}

await baselines.SettleAsync();

// A fresh server, so that the write and read scenarios start cold.
await server.DisposeAsync();
server = await ServerProcess.StartAsync(connectionString);
using var writer = await server.EditorClientAsync();
async Task<bool> WriteAsync(int treatyIndex, string summary)
{
    using var body = new StringContent($$"""{"type":"statement","on":"2000-01-01","summary":"{{summary}}"}""", Encoding.UTF8, "application/json");
    using var response = await writer.PostAsync($"/api/treaties/{SyntheticArchive.TreatyId(treatyIndex)}/events", body);
    return response.StatusCode is HttpStatusCode.Created;
}
// Unmeasured: a fresh server takes some thousand writes to reach its pace (tiered compilation; cold start is measured
// apart), spread here over the last 50 treaties, which the measured runs do not write to at the default scale.
for (var warmUp = 0; warmUp < (options.Runs("writes") ? 2000 : 0); warmUp++) await WriteAsync(archive.Treaties - 1 - warmUp % 50, "warm-up");

// One event at a time over HTTP, beside one-row INSERT transactions: first to treaties this server has not written
// to since it started, then to the very same treaties again (a write folds the treaty's whole record either way).
foreach (var clients in options.Runs("writes") ? [1, 8] : Array.Empty<int>())
{
    var perClient = options.WritesPerClient(clients, archive.Treaties);
    var firstTreaty = clients == 1 ? 0 : archive.Treaties / 2; // the 8-client run writes to none the 1-client run wrote to
    Func<int, int, Task<bool>> Write() => (client, n) => WriteAsync(firstTreaty + client + n * clients, $"benchmark {client}/{n}");
    var first = await LoadLoop.RunAsync(clients, perClient, Write());
    var again = await LoadLoop.RunAsync(clients, perClient, Write());
    var raw = await baselines.InsertsAsync(clients, perClient);
    var store = await floor.AppendOneAtATimeAsync(clients, perClient, firstTreaty);
    var who = $"{clients} client{(clients > 1 ? "s" : "")}";
    report.Add($"event store alone: one event per transaction through Marten (version read, append, commit), {who}", "commands/s, p50/p99",
        store.Describe, $"one-row INSERT {raw.Describe}", "—", null, store.PerSecond / raw.PerSecond);
    // The write runs leave the daemon behind: how far, and how long it takes to catch up.
    var (behind, took) = await ProjectionLag.CatchUpAsync(connectionString);
    report.Add($"the read models after the write runs above ({who}, and the event store alone): until they include every write", "events behind, time to catch up",
        $"{behind} events, {took.TotalSeconds:F1} s ({(behind == 0 ? 0 : behind / took.TotalSeconds):F0} events/s)", "—", "—", null);
    // How long after a write's answer every read model has it (from a daemon that has caught up): the write's Record-Sequence against the projection's progress.
    var lag = await ProjectionLag.MeasureAsync(writer, connectionString, clients, Math.Min(perClient, 200), firstTreaty + archive.Treaties / 4, archive.Treaties);
    report.Add($"a new row: from a write's answer until the read models include it, {who}", "lag p50/p99", lag.Describe, "—",
        clients == 8 ? "p99 ≤ 100 ms" : "—", clients == 8 ? lag.P99Ms <= 100 : null);
    foreach (var (written, http) in new[] { ("first write to a treaty", first), ("a treaty written before", again) })
        report.Add($"single event over HTTP, {written}, {who}", "commands/s, p50/p99", http.Describe, $"event store alone {store.Describe}", "≥ 0.7 × baseline",
            http.PerSecond >= 0.7 * store.PerSecond, http.PerSecond / store.PerSecond);
}

if (options.Runs("writes")) await baselines.SettleAsync();

// One treaty's status on a date, beside an indexed read of its rows: first questions never asked before, then the very
// same questions again (the server keeps no answers: both are read from the database).
foreach (var clients in options.Runs("reads") ? [1, 8] : Array.Empty<int>())
{
    var perClient = options.ReadsPerClient(clients);
    var random = new Random(11 + clients);
    var treaties = Enumerable.Range(0, perClient * clients).Select(_ => random.Next(archive.Treaties)).ToArray();
    var firstDay = new DateOnly(1950, 1, 1).AddDays(clients == 1 ? 0 : treaties.Length); // the 8-client run asks nothing the 1-client run asked
    Func<int, int, Task<bool>> Ask() => async (client, n) =>
    {
        var i = client + n * clients;
        using var response = await server.Client.GetAsync($"/api/treaties/{SyntheticArchive.TreatyId(treaties[i])}/status?asOf={firstDay.AddDays(i):yyyy-MM-dd}");
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    };
    var first = await LoadLoop.RunAsync(clients, perClient, Ask());
    var again = await LoadLoop.RunAsync(clients, perClient, Ask());
    var raw = await baselines.ReadsAsync(clients, perClient, archive.Treaties);
    var who = $"{clients} client{(clients > 1 ? "s" : "")}";
    foreach (var (asked, http) in new[] { ("first asked", first), ("asked again", again) })
        report.Add($"one treaty's status as of a date, {asked}, {who}", "requests/s, p50/p99", http.Describe, raw.Describe,
            clients == 8 ? "p99 ≤ 1.5 × baseline p99" : "—", clients == 8 ? http.P99Ms <= 1.5 * raw.P99Ms : null, http.PerSecond / raw.PerSecond);
}

// Every treaty's status on a date: the cost must follow the treaties answered, not the events stored. Each
// request asks about a day not asked before, so that every answer is read from the database, not from memory.
var statusDay = new DateOnly(1990, 6, 1);
foreach (var answered in new[] { 100, 1_000, 10_000 }.Where(n => n <= archive.Treaties && options.Runs("status")))
{
    var pages = (answered + 999) / 1000;
    var size = Math.Min(answered, 1000);
    async Task<bool> AllPages()
    {
        var day = statusDay = statusDay.AddDays(1);
        for (var page = 1; page <= pages; page++)
        {
            using var response = await server.Client.GetAsync($"/api/status?asOf={day:yyyy-MM-dd}&pageSize={size}&page={page}");
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK) return false;
        }
        return true;
    }
    await AllPages(); // unmeasured: the first request of a page size compiles its path (cold start measures that)
    var http = await LoadLoop.RunAsync(1, answered >= 10_000 ? 5 : 20, (_, _) => AllPages());
    var (target, met) = answered switch
    {
        100 => ("p99 ≤ 50 ms", (bool?)(http.P99Ms <= 50)),
        10_000 => ("p50 ≤ 0.5 s", http.P50Ms <= 500),
        _ => ("grows with treaties answered", null)
    };
    report.Add($"every treaty's status as of a date, {answered} treaties", "latency p50/p99", http.Describe, "—", target, met);
}

// A state's view and a question over a period, each beside the indexed read of the state's rows it reads alone. The
// synthetic states take part in fixed shares of the treaties: State 6 in about a twelfth, State 7 in a tenth (the
// target's 1,000 at the default size), State 5 in about a sixth.
foreach (var state in options.Runs("states") ? new[] { "State 6", "State 7", "State 5" } : [])
{
    var (treaties, floorRead) = await baselines.StateRowsAsync("mt_doc_stateintreatyrow", state, 200);
    var (_, intervalsRead) = await baselines.StateRowsAsync("mt_doc_statusintervalrow", state, 200);
    var day = new DateOnly(1960, 1, 1);
    async Task<bool> Ask(string url)
    {
        using var response = await server.Client.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }
    var name = Uri.EscapeDataString(state);
    // Unmeasured: the first requests compile the path and tier it up (cold start measures that), on days the loop does not ask.
    for (var warmUp = 0; warmUp < 30; warmUp++) await Ask($"/api/states/{name}?asOf={day.AddDays(-1 - warmUp * 97):yyyy-MM-dd}");
    var view = await LoadLoop.RunAsync(1, 200, (_, n) => Ask($"/api/states/{name}?asOf={day.AddDays(n * 97):yyyy-MM-dd}"));
    report.Add($"a state's view as of a date ({state}: {treaties} treaties)", "latency p50/p99", view.Describe, $"its rows alone {floorRead.Describe}",
        treaties >= 1000 ? "p99 ≤ 50 ms" : "p99 ≤ 50 ms at 1,000 treaties", treaties >= 1000 ? view.P99Ms <= 50 : null, floorRead.P50Ms / view.P50Ms);
    var during = await LoadLoop.RunAsync(1, 200, (_, n) =>
        Ask($"/api/status/during?from={day.AddDays(n * 97):yyyy-MM-dd}&to={day.AddDays(n * 97).AddYears(5):yyyy-MM-dd}&state={name}&pageSize=1000"));
    report.Add($"who held any status in a five-year period ({state}, one page of ≤ 1,000 intervals)", "latency p50/p99", during.Describe,
        $"its intervals alone {intervalsRead.Describe}", "—", null, intervalsRead.P50Ms / during.P50Ms);
}
await server.DisposeAsync();

// Rebuilding every read model from the event store through Marten's rebuild (its own command), beside a sequential scan.
if (options.Runs("rebuild"))
{
    var scanRate = await baselines.ScanEventsAsync("treaties");
    var events = await baselines.EventCountAsync("treaties");
    var clock = Stopwatch.StartNew();
    await ServerProcess.RunCommandAsync(connectionString, "projections", "rebuild", "--projection", "ReadModels", "--shard-timeout", "01:00:00");
    var rebuildRate = events / clock.Elapsed.TotalSeconds;
    report.Add("projection rebuild from the event store (projections rebuild, the command's own process start included)", "events/s",
        $"{rebuildRate:F0}/s", $"seq scan {scanRate:F0}/s", "≥ 50,000 events/s", rebuildRate >= 50_000, rebuildRate / scanRate);
}

if (options.Fold)
{
    var summary = BenchmarkRunner.Run<FoldBenchmarks>();
    foreach (var result in summary.Reports)
        report.Add($"fold micro-benchmark: {result.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} ({result.BenchmarkCase.Parameters.PrintInfo})",
            "mean per call", $"{result.ResultStatistics?.Mean / 1000:F1} µs, {result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase) / 1024:F0} KiB allocated", "—", "—", null);
}

report.Finish(total.Elapsed);
await report.WriteAsync();
return 0;

sealed record Options(int Treaties, int Events, bool Fold, string Out, int TreatiesPerRequest, string[]? Only)
{
    public static readonly string[] Scenarios = ["coldstart", "import", "writes", "reads", "status", "states", "rebuild"];

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    /// <summary>Each write run writes once to each of its treaties: half the archive at most, 1,000 at the default scale.</summary>
    public int WritesPerClient(int clients, int treaties) => Math.Max(1, Math.Min(1000, treaties / 2) / clients);
    public int ReadsPerClient(int clients) => Math.Max(100, 4000 / clients);

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var quick = args.Contains("--quick");
        var treaties = int.Parse(Value("--treaties") ?? (quick ? "500" : "10000"));
        var events = int.Parse(Value("--events") ?? (quick ? "50000" : "1000000"));
        var output = Value("--out") ?? ResultsFolder;
        var only = Value("--only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Options(treaties, events, only is null && !args.Contains("--no-fold"), output, Math.Max(1, 20000 / Math.Max(1, events / treaties)), only);
    }

    public static string ResultsFolder => Path.Combine(RepositoryRoot(), "tests", "TreatyTracker.Benchmarks", "results");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TreatyTracker.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>
/// The PostgreSQL the benchmark measures: TREATYTRACKER_BENCH_POSTGRES, else a private cluster (fsync on). The databases
/// made on a given server are dropped at the end unless TREATYTRACKER_BENCH_KEEP=1.
/// </summary>
sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;
    private readonly string _admin;
    private readonly string? _directory;
    private readonly List<string> _created = [];

    private BenchmarkDatabase(string admin, LocalPostgresCluster? cluster, string? directory, string description)
    {
        _admin = admin;
        _cluster = cluster;
        _directory = directory;
        Description = description;
    }

    public string Description { get; }

    public static async Task<BenchmarkDatabase> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TREATYTRACKER_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured)) return new BenchmarkDatabase(configured, null, null, "TREATYTRACKER_BENCH_POSTGRES");
        var binaries = LocalPostgresCluster.FindBinaries() ?? throw new InvalidOperationException("Install PostgreSQL or set TREATYTRACKER_BENCH_POSTGRES.");
        var directory = Path.Combine(Path.GetTempPath(), $"treatytracker-bench-{Guid.NewGuid():N}");
        var cluster = await LocalPostgresCluster.StartAsync(binaries, directory, durable: true);
        return new BenchmarkDatabase(cluster.ConnectionString("postgres"), cluster, directory, $"private cluster from {binaries}, default settings, fsync on");
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        var database = $"{name}_{Guid.NewGuid():N}";
        await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
        _created.Add(database);
        return new NpgsqlConnectionStringBuilder(_admin) { Database = database, MaxPoolSize = 50 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is null)
        {
            // A server given through TREATYTRACKER_BENCH_POSTGRES outlives the run: leave it as it was found, unless the
            // databases are asked to be kept for a closer look (TREATYTRACKER_BENCH_KEEP=1).
            if (Environment.GetEnvironmentVariable("TREATYTRACKER_BENCH_KEEP") == "1")
            {
                Console.WriteLine($"Kept: {string.Join(", ", _created)}");
                return;
            }
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            foreach (var database in _created)
            {
                await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        else await _cluster.DisposeAsync();
        if (_directory is not null) try { Directory.Delete(_directory, true); } catch (IOException) { }
    }
}

sealed class Report(Options options)
{
    private readonly List<JsonObject> _rows = [];
    private readonly JsonObject _machine = new();
    private TimeSpan _took;

    public void Machine(Dictionary<string, string> postgres, string source)
    {
        foreach (var (name, value) in TreatyTracker.Benchmarks.Machine.Describe(postgres, source)) _machine[name] = value?.DeepClone();
        _machine["archive"] = $"{options.Treaties} treaties, ~{options.Events} events";
    }

    public void Add(string scenario, string measure, string result, string baseline, string target, bool? met, double? ratio = null)
    {
        Console.WriteLine($"{scenario}: {result} | baseline {baseline} | ratio {(ratio is { } r ? r.ToString("F2") : "—")} | target {target} {(met switch { true => "MET", false => "NOT MET", _ => "" })}");
        _rows.Add(new JsonObject
        {
            ["scenario"] = scenario, ["measure"] = measure, ["result"] = result, ["baseline"] = baseline,
            ["ratio"] = ratio is { } x ? Math.Round(x, 3) : null, ["target"] = target, ["met"] = met
        });
    }

    public void Finish(TimeSpan took) => _took = took;

    public async Task WriteAsync()
    {
        Directory.CreateDirectory(options.Out);
        var json = new JsonObject
        {
            ["when"] = DateTimeOffset.UtcNow.ToString("O"), ["took"] = $"{_took.TotalSeconds:F0} s",
            ["machine"] = _machine.DeepClone(), ["results"] = new JsonArray(_rows.Select(r => (JsonNode?)r.DeepClone()).ToArray())
        };
        await File.WriteAllTextAsync(Path.Combine(options.Out, "results.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var md = new StringBuilder();
        md.AppendLine("# TreatyTracker benchmark results").AppendLine();
        md.AppendLine($"Run {json["when"]}, took {json["took"]}. Archive: {_machine["archive"]}.").AppendLine();
        md.AppendLine("| scenario | measure | result | baseline in the same run | ratio | target | met |").AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in _rows)
            md.AppendLine($"| {r["scenario"]} | {r["measure"]} | {r["result"]} | {r["baseline"]} | {r["ratio"]?.ToString() ?? "—"} | {r["target"]} | {(r["met"] is null ? "—" : r["met"]!.GetValue<bool>() ? "yes" : "**no**")} |");
        md.AppendLine().AppendLine("Machine:").AppendLine();
        foreach (var (name, value) in _machine) md.AppendLine($"- {name}: {value}");
        await File.WriteAllTextAsync(Path.Combine(options.Out, "results.md"), md.ToString());
        Console.WriteLine($"Results written to {options.Out}/results.md and results.json");
    }
}
