using Npgsql;
using TreatyTracker.Hosting.LocalPostgres;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>A private PostgreSQL cluster from the local binaries in a temporary folder, deleted afterwards.</summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string _directory;

    private ThrowawayCluster(string binaries, string directory, LocalPostgresCluster server)
    {
        Binaries = binaries;
        _directory = directory;
        Server = server;
    }

    /// <summary>The folder holding the initdb and pg_ctl the cluster runs from.</summary>
    public string Binaries { get; }

    /// <summary>
    /// The folder of the same installation's client programs (pg_dump, pg_restore, createdb): beside pg_ctl, or
    /// beside the file it links to when the folder found holds only links to initdb and pg_ctl.
    /// </summary>
    public string ClientBinaries
    {
        get
        {
            if (File.Exists(Path.Combine(Binaries, "pg_dump"))) return Binaries;
            var pgCtl = new FileInfo(Path.Combine(Binaries, "pg_ctl"));
            return Path.GetDirectoryName(pgCtl.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl.FullName)!;
        }
    }

    public LocalPostgresCluster Server { get; }

    public string AdminConnectionString => Server.ConnectionString("postgres");

    /// <summary>A folder for the test's own files (a dump …), deleted with the cluster.</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(_directory, "scratch")).FullName;

    /// <summary>Whether this machine can run one: the PostgreSQL binaries are installed.</summary>
    public static bool Available => LocalPostgresCluster.FindBinaries() is not null;

    /// <param name="durable">false turns fsync off: faster, for clusters that are never stopped on purpose.</param>
    public static async Task<ThrowawayCluster> StartAsync(bool durable = false)
    {
        var binaries = LocalPostgresCluster.FindBinaries()
            ?? throw new InvalidOperationException("The PostgreSQL binaries (initdb, pg_ctl) are not installed.");
        var directory = Path.Combine(Path.GetTempPath(), $"treatytracker-tests-{Guid.NewGuid():N}");
        return new ThrowawayCluster(binaries, directory, await LocalPostgresCluster.StartAsync(binaries, directory, durable));
    }

    /// <summary>A new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await Server.EnsureDatabaseAsync(name);
        return Server.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* left for the OS to clean: it is under the temp folder */ }
    }
}
