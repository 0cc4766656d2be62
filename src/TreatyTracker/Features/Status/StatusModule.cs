using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.Status;

public static class StatusModule
{
    /// <summary>Each treaty's current status, and its status over time cut into segments for "every treaty on a day".</summary>
    public static void AddStatus(this WebApplicationBuilder builder)
    {
        builder.Services.AddReadModel<TreatyStatusViews>();
        builder.Services.AddReadModel<StatusSegments>();
    }
}
