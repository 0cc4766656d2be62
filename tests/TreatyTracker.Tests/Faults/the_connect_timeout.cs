using TreatyTracker.Database;
using Xunit;

namespace TreatyTracker.Tests.Faults;

public class the_connect_timeout
{
    [Fact]
    public void is_short_when_the_connection_string_does_not_set_one()
    {
        var connectionString = ConnectTimeout.ShortUnlessSet("Host=db.example;Database=treatytracker;Username=tt;Password='a;b'");

        Assert.Equal(ConnectTimeout.DefaultSeconds, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Timeout);
        Assert.Equal("a;b", new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Password);
    }

    [Fact]
    public void is_the_connection_strings_own_when_it_sets_one()
    {
        const string connectionString = "Host=db.example;Database=treatytracker;timeout=30";

        Assert.Equal(connectionString, ConnectTimeout.ShortUnlessSet(connectionString));
    }
}
