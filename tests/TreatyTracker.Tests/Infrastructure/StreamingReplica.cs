using System.Diagnostics;
using Npgsql;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// A hot standby of a throwaway cluster, made the way an operator makes one (pg_basebackup -R, then pg_ctl start),
/// read-only and kept up to date by streaming replication.
/// </summary>
public sealed class StreamingReplica : IAsyncDisposable
{
    private readonly ThrowawayCluster _primary;
    private readonly string _data;
    private readonly string _password;

    private StreamingReplica(ThrowawayCluster primary, string data, int port, string password)
    {
        _primary = primary;
        _data = data;
        Port = port;
        _password = password;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_primary.Server.ConnectionString(database)) { Port = Port }.ConnectionString;

    public static async Task<StreamingReplica> StartAsync(ThrowawayCluster primary)
    {
        var primaryServer = new NpgsqlConnectionStringBuilder(primary.AdminConnectionString);
        var data = Path.Combine(primary.Scratch, $"replica-{Guid.NewGuid():N}");
        var replica = new StreamingReplica(primary, data, RunningServer.FreePort(), primaryServer.Password!);
        await replica.RunAsync("pg_basebackup", "-h", "127.0.0.1", "-p", primaryServer.Port.ToString(), "-U", "postgres",
            "-D", data, "-R", "-X", "stream", "--checkpoint=fast");
        await replica.RunAsync("pg_ctl", "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60",
            "-o", $"-p {replica.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start");
        return replica;
    }

    /// <summary>Waits until the replica has replayed everything the primary had written when asked.</summary>
    public async Task CatchUpAsync(TimeSpan limit)
    {
        string target;
        await using (var primary = new NpgsqlConnection(_primary.AdminConnectionString))
        {
            await primary.OpenAsync();
            await using var lsn = new NpgsqlCommand("select pg_current_wal_lsn()::text", primary);
            target = (string)(await lsn.ExecuteScalarAsync())!;
        }
        await using var replica = new NpgsqlConnection(ConnectionString("postgres"));
        await replica.OpenAsync();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var caughtUp = new NpgsqlCommand("select pg_last_wal_replay_lsn() >= @target::pg_lsn", replica);
            caughtUp.Parameters.AddWithValue("target", target);
            if ((bool)(await caughtUp.ExecuteScalarAsync())!) return;
            if (waited.Elapsed > limit) throw new TimeoutException($"The replica did not replay up to {target} within {limit}.");
            await Task.Delay(50);
        }
    }

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_primary.ClientBinaries, tool);
        if (!File.Exists(executable)) executable = Path.Combine(_primary.Binaries, tool);
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/"
        };
        if (asRoot) foreach (var argument in new[] { "-u", "postgres", "--", executable }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = _password;
        if (asRoot && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_data)!);
            File.SetUnixFileMode(Path.GetDirectoryName(_data)!, (UnixFileMode)0b111_111_111); // postgres creates the data folder in it
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors} {await output}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await RunAsync("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { /* never started */ }
    }
}
