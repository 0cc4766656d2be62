using Marten;
using TreatyTracker.Store.Answers;

namespace TreatyTracker.Hosting.Live;

public static class LiveFeedConfiguration
{
    /// <summary>
    /// Every commit sends a PostgreSQL notification in its own transaction; every instance listens (unless it has nowhere
    /// to), hands what it hears to the open dashboards (<c>GET /api/changes</c>) and forgets the answers it kept.
    /// </summary>
    public static void AddLiveFeed(this WebApplicationBuilder builder, InstanceMode mode)
    {
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.ConfigureMarten((services, opts) => opts.Listeners.Add(new NotifyOnCommit(services.GetRequiredService<TimeProvider>())));
        if (mode.Notifications is { } notifications)
            builder.Services.AddHostedService(services => new ChangeNotificationListener(notifications, services.GetRequiredService<ChangeFeed>(),
                services.GetRequiredService<AnswerCache>(), services.GetRequiredService<ILogger<ChangeNotificationListener>>()));
    }
}
