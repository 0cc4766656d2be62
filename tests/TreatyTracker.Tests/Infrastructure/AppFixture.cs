using Alba;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using TreatyTracker.Access;
using TreatyTracker.CachingAnswers;
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

    /// <summary>The API without any key.</summary>
    protected TreatyApi AnonymousApi => new(Host.Server.CreateClient());

    public async ValueTask InitializeAsync()
    {
        // A transition the previous test left due is recorded in the background, moments after that test's last write:
        // emptying the store under it deadlocked once, and had it landed after, it would have been in this test's store.
        await DueTransitionsRecordedAsync();
        await Host.ResetAllMartenDataAsync();
        // Emptying the store behind the app's back is not a change it hears of; a rebuild announces itself instead.
        Host.Services.GetRequiredService<AnswerCache>().ForgetEverything();
        EditorKey = await ApiKeys.IssueAsync(Store, Role.Editor);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Waits until the transitions already due have been recorded: a write that leaves a deadline past due schedules its
    /// transition at once, and Wolverine records it in the background, so a test's next write to that treaty would
    /// race it (and get a 409), and a comparison might see it land halfway.
    /// </summary>
    protected async Task DueTransitionsRecordedAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellation);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var pending = new NpgsqlCommand("""
                select count(*) from treaties.wolverine_incoming_envelopes
                where status <> 'Handled' and message_type like '%RecordDueTransition%' and execution_time <= now()
                """, connection);
            if ((long)(await pending.ExecuteScalarAsync(cancellation))! == 0) return;
            await Task.Delay(50, cancellation);
        }
        Assert.Fail("transitions already due were still not recorded after 10 s");
    }

    protected async Task<long> StoredEventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync(TestContext.Current.CancellationToken);
    }
}
