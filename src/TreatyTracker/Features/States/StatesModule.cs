using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.States;

public static class StatesModule
{
    /// <summary>Each state's row in each treaty, and the names a state has had, for a state's view by any of its names.</summary>
    public static void AddStates(this WebApplicationBuilder builder)
    {
        builder.Services.AddReadModel<StateInTreatyRows>();
        builder.Services.AddReadModel<StateNamesRows>();
    }
}
