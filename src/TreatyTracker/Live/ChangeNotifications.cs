using System.Text.Json;
using Marten;
using Marten.Services;
using Npgsql;

namespace TreatyTracker.Live;

/// <summary>
/// Changes travel through PostgreSQL (NOTIFY/LISTEN), so that every instance on the database hears every commit,
/// whichever instance made it: the API, an import, a deadline firing or the seeds.
/// </summary>
public static class ChangeNotifications
{
    public const string Channel = "treatytracker_changes";
}

/// <summary>
/// Queues one NOTIFY per changed treaty into the session's own transaction: PostgreSQL delivers it only if the
/// events commit, and never before.
/// </summary>
public sealed class NotifyOnCommit(TimeProvider clock) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams().Where(s => s.Key is not null && s.Events.Count > 0))
            session.QueueSqlCommand("select pg_notify(?, ?)", ChangeNotifications.Channel,
                JsonSerializer.Serialize(new TreatyChanged(stream.Key!, stream.Events.Count, clock.GetUtcNow()), JsonSerializerOptions.Web));
        return Task.CompletedTask;
    }
}

/// <summary>Listens on its own connection and hands what it hears to the feed; reconnects after a database outage.</summary>
public sealed class ChangeNotificationListener(string connectionString, ChangeFeed feed, ILogger<ChangeNotificationListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stopping);
                connection.Notification += (_, notification) =>
                {
                    if (JsonSerializer.Deserialize<TreatyChanged>(notification.Payload, JsonSerializerOptions.Web) is { } change) feed.Publish(change);
                };
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
                await Task.Delay(RetryAfter, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
