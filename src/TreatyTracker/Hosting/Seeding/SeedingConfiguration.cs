using TreatyTracker.Http;

namespace TreatyTracker.Hosting.Seeding;

public sealed record SeedOptions(string Directory, bool LoadOnStart);

public static class SeedingConfiguration
{
    /// <summary>A writer loads seeds/ when it starts (see <see cref="SeedOnStart"/>), and on demand with the <c>seed</c> command.</summary>
    public static void AddSeeding(this WebApplicationBuilder builder, InstanceMode mode)
    {
        if (!mode.Writes) return;
        var options = new SeedOptions(
            builder.Configuration["TreatyTracker:SeedsDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seeds"),
            builder.Configuration.GetValue("TreatyTracker:SeedOnStart", true));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SeedLoader>();
        builder.Services.AddHostedService<SeedOnStart>();
    }
}

/// <summary>
/// A new installation starts with the seeded treaties loaded. In an existing database, the treaties the seeds recorded
/// are brought up to this release's seeds (through retractions and corrections, never by rewriting), the seeded treaties
/// it does not have yet are added, and every other treaty is left alone. When several instances start together, one seeds and the others find its work done.
/// </summary>
public sealed class SeedOnStart(SeedLoader loader, SeedOptions options, ILogger<SeedOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellation)
    {
        if (!options.LoadOnStart) return;
        try
        {
            if (await loader.DatabaseIsEmptyAsync(cancellation)) await loader.LoadAllAsync(cancellation);
            else await loader.LoadSeededAsync(cancellation);
        }
        catch (Exception e) when (ConflictExceptionHandler.IsLostRace(e))
        {
            logger.LogInformation("Another instance is loading the seeds: {Message}", e.Message);
        }
        catch (SeedException e)
        {
            // A seeded treaty changed since in a way the seeds no longer fit: the server still starts, and says so.
            logger.LogError("The seeds were not loaded: {Message}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
