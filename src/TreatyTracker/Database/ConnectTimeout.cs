using System.Data.Common;

namespace TreatyTracker.Database;

/// <summary>
/// Npgsql waits 15 s for a connection by default and Marten tries a failed read four times: with a database
/// host that drops packets, a request would wait a minute for its 503. A connection string that sets
/// <c>Timeout</c> itself keeps it.
/// </summary>
public static class ConnectTimeout
{
    public const int DefaultSeconds = 5;

    public static string ShortUnlessSet(string connectionString)
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (settings.ContainsKey("Timeout")) return connectionString;
        settings["Timeout"] = DefaultSeconds;
        return settings.ConnectionString;
    }
}
