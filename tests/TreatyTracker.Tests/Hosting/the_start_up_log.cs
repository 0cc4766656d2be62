using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting;

/// <summary>A first start on a new database, logged at the default level: where the database is, the URL, what was seeded; no DDL.</summary>
public class the_start_up_log(PostgresServer postgres) : IAsyncLifetime
{
    private readonly RunningServer _server = new(postgres) { Settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" } };

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public void says_where_the_database_is_where_it_listens_and_what_it_seeded_and_shows_no_sql()
    {
        var log = _server.WholeOutput;

        Assert.Contains("Using PostgreSQL at", log);
        Assert.Contains($"Now listening on: {_server.Address.ToString().TrimEnd('/')}", log);
        Assert.Contains("Seeded inf from inf.json", log);
        Assert.False(RunningServer.ShowsSql(log), log);
    }
}
