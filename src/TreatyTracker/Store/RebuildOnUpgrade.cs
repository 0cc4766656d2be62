using Marten;
using Npgsql;

namespace TreatyTracker.Store;

/// <summary>Which derivation of the read models a database holds (one document).</summary>
public sealed record ReadModelsVersion(string Id, int Version)
{
    public const string Key = "read-models";
}

/// <summary>
/// A writer that starts on a database whose read models an earlier release derived (by other rules, or in another
/// shape) rebuilds them from the events before anything else runs: the events are the record, and every answer follows
/// from them by this release's rules.
/// </summary>
public sealed class RebuildOnUpgrade(IDocumentStore store, ILogger<RebuildOnUpgrade> logger) : IHostedService
{
    /// <summary>The advisory lock writers starting together take, so that one rebuilds and the others find it done.</summary>
    private const long LockKey = 0x7472_6561_7479_0001;

    public async Task StartAsync(CancellationToken cancellation)
    {
        if (await IsCurrentAsync(cancellation)) return;

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({LockKey})", connection))
            await take.ExecuteNonQueryAsync(cancellation);
        try
        {
            if (await IsCurrentAsync(cancellation)) return;
            // A new database has nothing to rebuild: it only learns which derivation its read models will follow.
            if (await HasEventsAsync(cancellation))
            {
                var rebuilt = await Rebuild.RunAsync(store, cancellation);
                logger.LogInformation("Rebuilt the read models of {Treaties} treaties from {Events} events for this release", rebuilt.Treaties, rebuilt.Events);
            }
            await using var session = store.LightweightSession();
            session.Store(new ReadModelsVersion(ReadModelsVersion.Key, ReadModels.Version));
            await session.SaveChangesAsync(cancellation);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<bool> HasEventsAsync(CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        return await query.Events.QueryAllRawEvents().AnyAsync(cancellation);
    }

    private async Task<bool> IsCurrentAsync(CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        return (await query.LoadAsync<ReadModelsVersion>(ReadModelsVersion.Key, cancellation))?.Version == ReadModels.Version;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
