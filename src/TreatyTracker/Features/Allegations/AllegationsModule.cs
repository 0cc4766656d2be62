using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.Allegations;

public static class AllegationsModule
{
    /// <summary>The standing allegations of every treaty, by accuser, accused and day.</summary>
    public static void AddAllegations(this WebApplicationBuilder builder) => builder.Services.AddReadModel<AllegationRows>();
}
