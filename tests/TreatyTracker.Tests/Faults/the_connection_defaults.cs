using Npgsql;
using TreatyTracker.Database;
using Xunit;

namespace TreatyTracker.Tests.Faults;

public class the_connection_defaults
{
    [Fact]
    public void set_a_short_connect_timeout_and_statement_preparation_when_the_connection_string_does_not()
    {
        var settings = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply("Host=db.example;Database=treatytracker;Username=tt;Password='a;b'"));

        Assert.Equal(ConnectionDefaults.TimeoutSeconds, settings.Timeout);
        Assert.Equal(ConnectionDefaults.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal("a;b", settings.Password);
    }

    [Fact]
    public void leave_what_the_connection_string_sets()
    {
        const string connectionString = "Host=db.example;Database=treatytracker;timeout=30;Max Auto Prepare=0";

        Assert.Equal(connectionString, ConnectionDefaults.Apply(connectionString));
    }
}
