using System.Text.Json;
using Marten;
using Marten.Services.BatchQuerying;
using Npgsql;
using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Hosting.Live;

/// <summary>
/// Changes travel through PostgreSQL (NOTIFY/LISTEN), so that every instance on the database hears every change,
/// whichever instance made it: the API, an import, a deadline firing or the seeds.
/// </summary>
public static class ChangeNotifications
{
    public const string Channel = "treatytracker_changes";
}

/// <summary>
/// The live feed's notice, kept with the read models: one NOTIFY per treaty whose read models moved, queued into the
/// projection's own transaction, so that a dashboard told of a change finds it in every answer it asks for.
/// </summary>
public sealed class ReadModelsMoved(TimeProvider clock) : IReadModel
{
    public uint Version => 1;

    public Type? RowType => null;

    public void Configure(StoreOptions options) { }

    public ReadModelUpdate Prepare(IBatchedQuery stored, string[] treatyIds) => (operations, records) =>
    {
        foreach (var record in records)
            operations.QueueSqlCommand("select pg_notify(?, ?)", ChangeNotifications.Channel,
                JsonSerializer.Serialize(new TreatyChanged(record.Id, record.Treaty.Version, clock.GetUtcNow()), JsonSerializerOptions.Web));
        return Task.CompletedTask;
    };
}

/// <summary>
/// Listens on its own connection and hands what it hears to the open dashboards; reconnects after a database outage. A
/// keepalive makes a silently dropped connection known within seconds.
/// </summary>
public sealed class ChangeNotificationListener(string connectionString, ChangeFeed feed, ILogger<ChangeNotificationListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private const int KeepAliveSeconds = 5;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(WithKeepAlive(connectionString));
                await connection.OpenAsync(stopping);
                connection.Notification += (_, notification) => Hear(notification);
                await using (var listen = new NpgsqlCommand($"listen {ChangeNotifications.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                while (!stopping.IsCancellationRequested) await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                logger.LogWarning("The live feed lost its database connection ({Reason}); reconnecting.", e.Message);
            }
            await Task.Delay(RetryAfter, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void Hear(NpgsqlNotificationEventArgs notification)
    {
        if (Read(notification.Payload) is { } change) feed.Publish(change);
    }

    /// <summary>A notice that cannot be read (sent by hand?) is passed over.</summary>
    private TreatyChanged? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TreatyChanged>(payload, JsonSerializerOptions.Web) is { TreatyId: not null } change ? change : null;
        }
        catch (JsonException)
        {
            logger.LogWarning("A change notice could not be read and was passed over.");
            return null;
        }
    }

    private static string WithKeepAlive(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.KeepAlive == 0) settings.KeepAlive = KeepAliveSeconds;
        return settings.ConnectionString;
    }
}
