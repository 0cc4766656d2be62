using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using TreatyTracker.Features.Keys;
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
        TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        AlbaHost.For<Program>(app =>
        {
            app.UseEnvironment(environment);
            app.UseSetting("ConnectionStrings:Marten", connectionString);
            app.UseSetting("TreatyTracker:SeedOnStart", seedOnStart.ToString());
            app.UseSetting("Logging:LogLevel:Default", "Warning");
            // Behaviour tests are not about the write rate limit; its own test runs with a small one.
            app.UseSetting("TreatyTracker:WriteRateLimit:PerSecond", "100000");
            app.UseSetting("TreatyTracker:WriteRateLimit:Burst", "100000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) app.UseSetting(key, value);
            app.ConfigureServices(configure =>
            {
                configure.RunWolverineInSoloMode();
                if (clock is not null) configure.AddSingleton(clock);
                services?.Invoke(configure);
            });
        });

    /// <summary>The API of a host as an editor uses it, with a key issued into the host's store.</summary>
    public static async Task<TreatyApi> EditorApiAsync(IAlbaHost host) =>
        new(host.Server.CreateClient(), await ApiKeys.IssueAsync(host.Services.GetRequiredService<IDocumentStore>(), Role.Editor));

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
    protected string ConnectionString => fixture.ConnectionString;
    /// <summary>An editor's key, issued afresh for each test after the store is emptied.</summary>
    protected string EditorKey { get; private set; } = "";

    protected TreatyApi Api => new(Host.Server.CreateClient(), EditorKey);

    /// <summary>Returns once the read models include every event stored, as an answer of the API would wait (read your writes).</summary>
    protected Task ReadModelsCaughtUpAsync() =>
        Host.Services.GetRequiredService<TreatyTracker.Store.ReadModels.ReadYourWrites>().WaitAsync(Store, null, TestContext.Current.CancellationToken);

    /// <summary>The API without any key.</summary>
    protected TreatyApi AnonymousApi => new(Host.Server.CreateClient());

    public async ValueTask InitializeAsync()
    {
        await Host.ResetAllMartenDataAsync();
        EditorKey = await ApiKeys.IssueAsync(Store, Role.Editor);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected async Task<long> StoredEventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync(TestContext.Current.CancellationToken);
    }
}
