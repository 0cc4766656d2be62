using Marten;

namespace TreatyTracker.Store.ReadModels;

/// <summary>How a feature slice registers its read model: one line in its module.</summary>
public static class ReadModelRegistration
{
    public static IServiceCollection AddReadModel<TModel>(this IServiceCollection services) where TModel : class, IReadModel =>
        services.AddSingleton<IReadModel, TModel>();

    /// <summary>Registers every read model the slices added, and the projection that keeps them.</summary>
    public static void AddReadModelsProjection(this StoreOptions options, IEnumerable<IReadModel> models)
    {
        var all = models.ToList();
        foreach (var model in all) model.Configure(options);
        options.Projections.Add(new ReadModelsProjection(all), JasperFx.Events.Projections.ProjectionLifecycle.Async);
    }
}
