using TreatyTracker.Api;

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

/// <summary>
/// A new installation starts with the three treaties loaded; an existing database is left alone. When several
/// instances start together on an empty database, one seeds and the others find its work done.
/// </summary>
public sealed class SeedOnFirstStart(SeedLoader loader, SeedOptions options, ILogger<SeedOnFirstStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellation)
    {
        if (!options.LoadIntoEmptyDatabaseOnStart || !await loader.DatabaseIsEmptyAsync(cancellation)) return;
        try
        {
            await loader.LoadAllAsync(cancellation);
        }
        catch (Exception e) when (ConflictExceptionHandler.IsLostRace(e))
        {
            logger.LogInformation("Another instance is loading the seeds: {Message}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
