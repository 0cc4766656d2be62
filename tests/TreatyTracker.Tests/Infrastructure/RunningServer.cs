using System.Diagnostics;
using System.Net;
using Npgsql;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

public sealed class EmptyRunningServer(PostgresServer postgres) : RunningServer(postgres)
{
    protected override bool Seeded => false;
}

/// <summary>
/// The real server as a separate process listening on a loopback port — what a browser needs — on a database
/// of its own, seeded on start like a new installation.
/// </summary>
public class RunningServer(PostgresServer postgres) : IAsyncLifetime
{
    private Process? _process;
    private readonly List<string> _output = [];

    /// <summary>Whether the server loads seeds/ into its empty database on start, as a new installation does.</summary>
    protected virtual bool Seeded => true;

    /// <summary>A database to share with another instance; without it the server gets a new one.</summary>
    public string? ConnectionString { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>Configuration the server starts with (as environment variables), beyond the connection and seeding.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public Uri Address { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The database the server runs on.</summary>
    public string Database { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var connectionString = Database = ConnectionString ?? await postgres.CreateDatabaseAsync("browser");
        var port = TreatyTracker.Hosting.LocalPostgres.LocalPostgresCluster.FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "TreatyTracker")
        };
        foreach (var argument in new[] { ServerAssembly(), "--urls", Address.ToString(), "--contentRoot", start.WorkingDirectory })
            start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["TreatyTracker__SeedOnStart"] = Seeded.ToString();
        // Behaviour tests are not about the write rate limit (its own test runs with a small one).
        start.Environment["TreatyTracker__WriteRateLimit__PerSecond"] = "100000";
        start.Environment["TreatyTracker__WriteRateLimit__Burst"] = "100000";
        foreach (var (key, value) in Settings) start.Environment[key.Replace(":", "__")] = value;

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.Add(e.Data ?? ""); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.Add(e.Data ?? ""); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Client = new HttpClient { BaseAddress = Address };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited ({_process.ExitCode}):\n{Output}");
            try
            {
                if ((await Client.GetAsync("/health", timeout.Token)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (OperationCanceledException) { throw new TimeoutException($"The server did not answer /health:\n{Output}"); }
            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>Whether a process's output shows SQL DDL (Marten's schema changes).</summary>
    public static bool ShowsSql(string output) =>
        new[] { "CREATE TABLE", "CREATE OR REPLACE FUNCTION", "ALTER TABLE", "CREATE INDEX" }.Any(sql => output.Contains(sql, StringComparison.OrdinalIgnoreCase));

    public sealed record CommandRun(int ExitCode, string Output, string Errors);

    /// <summary>Runs one of the server's own commands (<c>keys</c>, <c>seed</c>, <c>rebuild</c> …) on its database.</summary>
    public Task<CommandRun> RunCommandAsync(params string[] arguments) => RunCommandAsync(Database, quietLogs: true, arguments);

    /// <summary>Runs a command on a database, with the log levels it has of itself unless <paramref name="quietLogs"/>.</summary>
    public async Task<CommandRun> RunCommandAsync(string database, bool quietLogs, params string[] arguments)
    {
        var command = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "TreatyTracker")
        };
        command.ArgumentList.Add(ServerAssembly());
        foreach (var argument in arguments) command.ArgumentList.Add(argument);
        command.Environment["ConnectionStrings__Marten"] = database;
        command.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        if (quietLogs) command.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(command)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandRun(process.ExitCode, await output, await errors);
    }

    /// <summary>Issues a key with the server's own <c>keys create</c> command, as an administrator would; returns the key.</summary>
    public async Task<string> IssueKeyAsync(TreatyTracker.Features.Keys.Role role, string holder)
    {
        var run = await RunCommandAsync("keys", "create", holder, "--role", role.ToString().ToLowerInvariant());
        var key = run.Output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("tt_"));
        return run.ExitCode == 0 && key is not null
            ? key
            : throw new InvalidOperationException($"keys create failed ({run.ExitCode}):\n{run.Output}\n{run.Errors}");
    }

    private Task<string>? _editorKey;

    /// <summary>An editor's key on this server, issued the first time a test asks for it.</summary>
    public Task<string> EditorKeyAsync() => _editorKey ??= IssueKeyAsync(TreatyTracker.Features.Keys.Role.Editor, "tests");

    public async Task<HttpClient> EditorClientAsync() => ClientWithKey(await EditorKeyAsync());

    /// <summary>A client that sends the given key.</summary>
    public HttpClient ClientWithKey(string key) => new()
    {
        BaseAddress = Address,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key) }
    };

    /// <summary>Everything the server wrote, from its start.</summary>
    public string WholeOutput
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output.TakeLast(60)); }
    }

    /// <summary>The server built beside these tests, in the same configuration.</summary>
    private static string ServerAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "src", "TreatyTracker", "bin", configuration, "net10.0", "TreatyTracker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the server assembly is missing.", path);
    }


    /// <summary>SIGKILL: no shutdown of any kind, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        NpgsqlConnection.ClearAllPools();
    }
}
