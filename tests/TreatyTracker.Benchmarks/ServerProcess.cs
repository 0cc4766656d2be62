using System.Diagnostics;
using System.Net;

namespace TreatyTracker.Benchmarks;

/// <summary>The server as its own process, built in Release beside the benchmark, on loopback only.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly string _connectionString;

    private ServerProcess(Process process, string connectionString, Uri address, TimeSpan coldStart)
    {
        _process = process;
        _connectionString = connectionString;
        Address = address;
        ColdStart = coldStart;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
    }

    public Uri Address { get; }
    /// <summary>From process start to the first 200 from GET /api/treaties.</summary>
    public TimeSpan ColdStart { get; }
    /// <summary>Sends no key: reads are open.</summary>
    public HttpClient Client { get; }
    public int ProcessId => _process.Id;

    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "TreatyTracker.dll");

    /// <summary>Settings every server process and command of this run is started with (<c>--server-setting KEY=VALUE</c>).</summary>
    public static Dictionary<string, string> Settings { get; } = [];

    private static void Configure(ProcessStartInfo start, string connectionString, string environment)
    {
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in Settings) start.Environment[key.Replace(":", "__")] = value;
    }

    /// <param name="assembly">The server to run: by default the Release build beside the benchmark.</param>
    /// <param name="environment">Production never checks or changes the schema (it comes from migrations/).</param>
    public static async Task<ServerProcess> StartAsync(string connectionString, string? assembly = null, string environment = "Development")
    {
        var port = TreatyTracker.Hosting.LocalPostgres.LocalPostgresCluster.FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { assembly ?? Assembly, "--urls", address.ToString() }) start.ArgumentList.Add(argument);
        Configure(start, connectionString, environment);
        start.Environment["TreatyTracker__SeedOnStart"] = "false";
        // The benchmarks measure the server's throughput, not its per-key write limit.
        start.Environment["TreatyTracker__WriteRateLimit__PerSecond"] = "1000000";
        start.Environment["TreatyTracker__WriteRateLimit__Burst"] = "1000000";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        // The server's log is dropped unless TREATYTRACKER_BENCH_SERVER_LOG names a file to append it to.
        var log = Environment.GetEnvironmentVariable("TREATYTRACKER_BENCH_SERVER_LOG");
        var logLock = new object();
        process.OutputDataReceived += (_, e) =>
        {
            if (log is null || e.Data is null) return;
            lock (logLock) File.AppendAllText(log, $"{DateTime.UtcNow:HH:mm:ss.fff} {e.Data}{Environment.NewLine}");
        };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine($"  server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode}.");
            try
            {
                if ((await probe.GetAsync("/api/treaties")).StatusCode == HttpStatusCode.OK)
                    return new ServerProcess(process, connectionString, address, clock.Elapsed);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        process.Kill(true);
        throw new TimeoutException("The server did not answer within two minutes.");
    }

    /// <summary>
    /// A client that sends a new editor's key with every request, issued by the server's own <c>keys create</c>
    /// command on the same database, as an administrator would.
    /// </summary>
    public async Task<HttpClient> EditorClientAsync(TimeSpan? timeout = null)
    {
        var output = await RunCommandAsync(_connectionString, "keys", "create", "benchmark", "--role", "editor");
        var key = output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("tt_", StringComparison.Ordinal))
                  ?? throw new InvalidOperationException($"keys create printed no key:\n{output}");
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Returns once the read models include every event stored (the async daemon has caught up).</summary>
    public async Task ProjectedAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var behind = new Npgsql.NpgsqlCommand(
            "select coalesce((select max(seq_id) from treaties.mt_events), 0) - coalesce((select last_seq_id from treaties.mt_event_progression where name = 'ReadModels:All'), 0)",
            connection);
        while ((long)(await behind.ExecuteScalarAsync())! > 0) await Task.Delay(50);
    }

    public static async Task<string> RunCommandAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Configure(start, connectionString, "Development");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', arguments)} failed: {await error}");
        return await output;
    }


    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
