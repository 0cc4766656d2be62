namespace TreatyTracker.Hosting.LocalPostgres;

/// <summary>
/// Where the product's data lives: the configured <c>ConnectionStrings:Marten</c> always wins; without one,
/// a private cluster from the local PostgreSQL binaries, kept in a per-user folder and stopped on shutdown.
/// </summary>
public static class ProductDatabase
{
    public const string DatabaseName = "treatytracker";

    public const string NoDatabaseMessage =
        "TreatyTracker needs PostgreSQL. Either install it (e.g. `apt-get install postgresql`; the server starts " +
        "its own private cluster from the binaries), start one with `docker compose up -d db`, or point " +
        "ConnectionStrings__Marten at an existing server.";

    /// <returns>The connection string, or null (with the reason written to stderr) when there is no way to a database.</returns>
    public static async Task<string?> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var where = new Npgsql.NpgsqlConnectionStringBuilder(configured);
            if (!StartupLog.QuietCommand(builder)) Console.WriteLine($"Using PostgreSQL at {where.Host}:{where.Port}, database {where.Database}");
            return configured;
        }

        var binaries = LocalPostgresCluster.FindBinaries();
        if (binaries is null)
        {
            await Console.Error.WriteLineAsync(NoDatabaseMessage);
            return null;
        }

        var directory = builder.Configuration["TreatyTracker:LocalPostgresDirectory"] ?? LocalPostgresCluster.DefaultDirectory();
        if (!StartupLog.QuietCommand(builder)) Console.WriteLine($"No connection string configured: using the private PostgreSQL cluster in {directory}");
        var cluster = await LocalPostgresCluster.StartAsync(binaries, directory, durable: true);
        await cluster.EnsureDatabaseAsync(DatabaseName);
        // On process exit rather than host stop: command-line verbs (seed, db-patch …) never start the host.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
        return cluster.ConnectionString(DatabaseName);
    }
}
