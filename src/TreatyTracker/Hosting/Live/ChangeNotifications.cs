using System.Text.Json;
using Marten;
using Marten.Services;
using Npgsql;
using TreatyTracker.Store.Answers;

namespace TreatyTracker.Hosting.Live;

/// <summary>
/// Changes travel through PostgreSQL (NOTIFY/LISTEN), so that every instance on the database hears every commit,
/// whichever instance made it: the API, an import, a deadline firing or the seeds.
/// </summary>
public static class ChangeNotifications
{
    public const string Channel = "treatytracker_changes";

    /// <summary>Heard when read models changed without events (a rebuild): every kept answer is forgotten.</summary>
    public const string EverythingChannel = "treatytracker_everything_changed";

    public static async Task AnnounceEverythingChangedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"select pg_notify('{EverythingChannel}', '')");
        await session.SaveChangesAsync(cancellation);
    }
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

/// <summary>
/// Listens on its own connection and hands what it hears to the feed and the answer cache; reconnects after a
/// database outage. A keepalive makes a silently dropped connection known within seconds, since the cache is
/// trusted only while this connection hears.
/// </summary>
public sealed class ChangeNotificationListener(string connectionString, ChangeFeed feed, AnswerCache answers, ILogger<ChangeNotificationListener> logger)
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
                await using (var listen = new NpgsqlCommand($"listen {ChangeNotifications.Channel}; listen {ChangeNotifications.EverythingChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                answers.Hearing(true);
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
            finally
            {
                answers.Hearing(false);
            }
            await Task.Delay(RetryAfter, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void Hear(NpgsqlNotificationEventArgs notification)
    {
        var change = notification.Channel == ChangeNotifications.Channel ? Read(notification.Payload) : null;
        if (change is null)
        {
            answers.ForgetEverything();
            return;
        }
        answers.Forget(change.TreatyId);
        feed.Publish(change);
    }

    /// <summary>A notice that cannot be read (sent by hand?) says only that something changed.</summary>
    private TreatyChanged? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TreatyChanged>(payload, JsonSerializerOptions.Web) is { TreatyId: not null } change ? change : null;
        }
        catch (JsonException)
        {
            logger.LogWarning("A change notice could not be read; every answer kept in memory is forgotten.");
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
