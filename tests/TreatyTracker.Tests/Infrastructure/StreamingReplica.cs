using System.Diagnostics;
using Npgsql;
using TreatyTracker.Hosting.LocalPostgres;

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
        var replica = new StreamingReplica(primary, data, LocalPostgresCluster.FreeLoopbackPort(), primaryServer.Password!);
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

    private Task RunAsync(string tool, params string[] arguments)
    {
        // pg_basebackup creates the replica's folder as the postgres user, inside the root-owned scratch folder.
        var parent = Path.GetDirectoryName(_data)!;
        Directory.CreateDirectory(parent);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(parent, (UnixFileMode)0b111_111_111);
        var binaries = File.Exists(Path.Combine(_primary.ClientBinaries, tool)) ? _primary.ClientBinaries : _primary.Binaries;
        return LocalPostgresCluster.RunAsPostgresAsync(binaries, tool, arguments, CancellationToken.None, _password);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await RunAsync("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { /* never started */ }
    }
}
