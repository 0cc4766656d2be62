using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Hosting.Live;

public static class LiveFeedConfiguration
{
    /// <summary>
    /// Whenever the read models of a treaty move, the projection sends a PostgreSQL notification in its own transaction;
    /// every instance listens (unless it has nowhere to) and hands what it hears to the open dashboards (<c>GET /api/changes</c>).
    /// </summary>
    public static void AddLiveFeed(this WebApplicationBuilder builder, InstanceMode mode)
    {
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddReadModel<ReadModelsMoved>();
        if (mode.Notifications is { } notifications)
            builder.Services.AddHostedService(services => new ChangeNotificationListener(notifications, services.GetRequiredService<ChangeFeed>(),
                services.GetRequiredService<ILogger<ChangeNotificationListener>>()));
    }
}
