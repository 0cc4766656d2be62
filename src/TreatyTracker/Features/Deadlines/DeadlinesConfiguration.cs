using TreatyTracker.Hosting;
using TreatyTracker.Store;
using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.Deadlines;

public static class DeadlinesConfiguration
{
    /// <summary>A writer catches up at start on the deadlines that fell due while it was down; a read-only instance acts on none.</summary>
    public static void AddDeadlines(this WebApplicationBuilder builder, InstanceMode mode)
    {
        builder.Services.AddReadModel<DeadlineRows>();
        builder.Services.AddSingleton<IOnRecorded, ScheduleReminders>();
        builder.Services.AddSingleton<DeadlineCatchUp>();
        if (mode.Writes) builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineCatchUp>());
    }
}
