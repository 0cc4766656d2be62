using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>The real application over HTTP (Alba), on a database of its own on the test PostgreSQL server.</summary>
public class AppFixture(PostgresServer postgres) : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    protected virtual bool SeedOnStart => false;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync("tt");
        Host = await StartAsync(ConnectionString, SeedOnStart);
    }

    public static Task<IAlbaHost> StartAsync(string connectionString, bool seedOnStart, string environment = "Development",
        TimeProvider? clock = null) =>
        AlbaHost.For<Program>(app =>
        {
            app.UseEnvironment(environment);
            app.UseSetting("ConnectionStrings:Marten", connectionString);
            app.UseSetting("TreatyTracker:SeedOnStart", seedOnStart.ToString());
            app.UseSetting("Logging:LogLevel:Default", "Warning");
            app.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                if (clock is not null) services.AddSingleton(clock);
            });
        });

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}

/// <summary>Each test starts from an empty store and talks to the app over HTTP.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    protected TreatyApi Api => new(Host.Server.CreateClient());

    public async ValueTask InitializeAsync() => await Host.ResetAllMartenDataAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected async Task<long> StoredEventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync(TestContext.Current.CancellationToken);
    }
}
