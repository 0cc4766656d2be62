using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.Links;

public static class LinksModule
{
    /// <summary>The links between treaties, both ways.</summary>
    public static void AddLinks(this WebApplicationBuilder builder) => builder.Services.AddReadModel<TreatyLinkRows>();
}
