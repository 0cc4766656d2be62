using TreatyTracker.Http;

namespace TreatyTracker.Hosting.Seeding;

public sealed record SeedOptions(string Directory, bool LoadIntoEmptyDatabaseOnStart);

public static class SeedingConfiguration
{
    /// <summary>A writer loads seeds/ into an empty database on its first start, and on demand with the <c>seed</c> command.</summary>
    public static void AddSeeding(this WebApplicationBuilder builder, InstanceMode mode)
    {
        if (!mode.Writes) return;
        var options = new SeedOptions(
            builder.Configuration["TreatyTracker:SeedsDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seeds"),
            builder.Configuration.GetValue("TreatyTracker:SeedOnStart", true));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SeedLoader>();
        builder.Services.AddHostedService<SeedOnFirstStart>();
    }
}

/// <summary>
/// A new installation starts with the seeded treaties loaded; an existing database is left alone. When several
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
