using Marten;
using Npgsql;
using TreatyTracker.Hosting.LocalPostgres;
using Xunit;
using TreatyTracker.Store;
using TreatyTracker.Tests.Infrastructure;

namespace TreatyTracker.Tests.Store;

public class the_connection_defaults
{
    [Fact]
    public void set_a_short_connect_timeout_statement_preparation_and_no_jit_when_the_connection_string_does_not()
    {
        var settings = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=db.example;Database=treatytracker;Username=tt;Password='a;b'"));

        Assert.Equal(ConnectionDefaults.TimeoutSeconds, settings.Timeout);
        Assert.Equal(ConnectionDefaults.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal("-c jit=off", settings.Options);
        Assert.Equal("a;b", settings.Password);
    }

    [Theory]
    [InlineData("Host=db.example;Database=treatytracker;timeout=30;Max Auto Prepare=0;Options=-c jit=on")]
    [InlineData("Host=db.example;Database=treatytracker;Timeout=30;MaxAutoPrepare=0;options='-c search_path=tt'")]
    public void leave_what_the_connection_string_sets(string connectionString)
    {
        Assert.Equal(connectionString, ConnectionDefaults.Apply(connectionString));
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=db.example;maxautoprepare=0")).MaxAutoPrepare);
    }
}

/// <summary>The defaults reach the server's own connections to PostgreSQL.</summary>
public class the_servers_connections(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task run_without_jit()
    {
        await using var session = Store.QuerySession();

        Assert.Equal(["off"], await session.QueryAsync<string>("select current_setting('jit')", TestContext.Current.CancellationToken));
    }
}
