using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace TreatyTracker.Hosting.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster run from the locally installed binaries (initdb, pg_ctl), for a machine
/// with PostgreSQL installed but no server configured. PostgreSQL refuses to run as root, so as root the
/// binaries run as the <c>postgres</c> OS user. It listens on 127.0.0.1 only, with a generated password.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _directory;
    private readonly bool _startedHere;
    private readonly bool _durable;
    private readonly string _password;

    private LocalPostgresCluster(string binaries, string directory, int port, string password, bool startedHere, bool durable)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
        _password = password;
        _startedHere = startedHere;
        _durable = durable;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Password = _password, Database = database
    }.ConnectionString;

    /// <summary>The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")));
        if (onPath is not null) return onPath;

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) return null;
        return Directory.GetDirectories(debianRoot)
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    /// <summary>Where the product keeps its own cluster: per user, surviving restarts.</summary>
    public static string DefaultDirectory()
    {
        if (IsRoot) return "/var/lib/treatytracker/postgres";
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "treatytracker", "postgres");
    }

    /// <summary>
    /// Creates the cluster in <paramref name="directory"/> if it is new, and starts it unless it already runs.
    /// <paramref name="durable"/> false turns fsync off: for throwaway test clusters only.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(string binaries, string directory, bool durable, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        var passwordFile = Path.Combine(directory, "password");
        var dataDirectory = Path.Combine(directory, "data");

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            await File.WriteAllTextAsync(passwordFile, password, cancellation);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.CreateDirectory(dataDirectory);
            if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], cancellation);

            // initdb reads the password from a file it can open as the postgres user; it is removed at once.
            var initPasswordFile = Path.Combine(dataDirectory, "..", $".initdb-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(initPasswordFile, password, cancellation);
            if (IsRoot) await RunAsync("chown", ["postgres:postgres", initPasswordFile], cancellation);
            try
            {
                await RunAsPostgresAsync(binaries, "initdb",
                    ["-D", dataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth-host=scram-sha-256",
                        "--auth-local=peer", $"--pwfile={initPasswordFile}"], cancellation);
            }
            finally
            {
                File.Delete(initPasswordFile);
            }
        }

        var secret = (await File.ReadAllTextAsync(passwordFile, cancellation)).Trim();
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", directory], cancellation);

        if (RunningPort(dataDirectory) is { } runningPort && await AnswersAsync(runningPort, secret, cancellation))
            return new LocalPostgresCluster(binaries, directory, runningPort, secret, startedHere: false, durable);

        var cluster = new LocalPostgresCluster(binaries, directory, FreeLoopbackPort(), secret, startedHere: true, durable);
        await cluster.StartServerAsync(cancellation);
        return cluster;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port and data.</summary>
    public Task StartAgainAsync(CancellationToken cancellation = default) =>
        _startedHere
            ? StartServerAsync(cancellation)
            : throw new InvalidOperationException("This cluster was started by another process; it is not stopped or started here.");

    private Task StartServerAsync(CancellationToken cancellation)
    {
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" +
                       (_durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        return RunAsPostgresAsync(_binaries, "pg_ctl",
            ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-o", settings, "start"], cancellation);
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellation = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellation);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellation) is not null) return;

        await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Stops the server if this process started it; a cluster someone else started is left running.</summary>
    public async Task StopAsync()
    {
        if (!_startedHere) return;
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync(_binaries, "pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private static async Task<bool> AnswersAsync(int port, string password, CancellationToken cancellation)
    {
        var probe = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres", Timeout = 3
        };
        try
        {
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellation);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now (for clusters, and servers started beside them).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Runs one of the installation's programs (pg_ctl, pg_basebackup …), as the postgres OS user when this process
    /// is root; a <paramref name="password"/> goes through PGPASSWORD, never the command line.
    /// </summary>
    public static Task RunAsPostgresAsync(string binaries, string tool, IReadOnlyList<string> arguments, CancellationToken cancellation,
        string? password = null)
    {
        var executable = Path.Combine(binaries, tool);
        return IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], cancellation, password)
            : RunAsync(executable, arguments, cancellation, password);
    }

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellation, string? password = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = "/"
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (password is not null) start.Environment["PGPASSWORD"] = password;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode == 0) return;

        await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(TimeSpan.FromSeconds(2), cancellation));
        var said = (error.IsCompletedSuccessfully ? error.Result : "") + (output.IsCompletedSuccessfully ? output.Result : "");
        throw new InvalidOperationException(
            $"{Path.GetFileName(executable)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {said.Trim()}");
    }
}
