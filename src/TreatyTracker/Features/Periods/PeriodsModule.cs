using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.Periods;

public static class PeriodsModule
{
    /// <summary>Every status interval of every treaty and party, for the questions over a period.</summary>
    public static void AddPeriods(this WebApplicationBuilder builder) => builder.Services.AddReadModel<StatusIntervalRows>();
}
