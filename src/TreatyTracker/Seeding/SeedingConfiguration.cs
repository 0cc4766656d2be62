namespace TreatyTracker.Seeding;

public sealed record SeedOptions(string Directory, bool LoadIntoEmptyDatabaseOnStart);

public static class SeedingConfiguration
{
    public static void AddSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new SeedOptions(
            configuration["TreatyTracker:SeedsDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seeds"),
            configuration.GetValue("TreatyTracker:SeedOnStart", true));
        services.AddSingleton(options);
        services.AddSingleton<SeedLoader>();
        services.AddHostedService<SeedOnFirstStart>();
    }
}

/// <summary>A new installation starts with the three treaties loaded; an existing database is left alone.</summary>
public sealed class SeedOnFirstStart(SeedLoader loader, SeedOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellation)
    {
        if (options.LoadIntoEmptyDatabaseOnStart && await loader.DatabaseIsEmptyAsync(cancellation))
            await loader.LoadAllAsync(cancellation);
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
