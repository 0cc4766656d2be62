using System.Data.Common;

namespace TreatyTracker.Store;

/// <summary>
/// What the server sets on its connection string unless the string sets it itself.
/// <list type="bullet">
/// <item><c>Timeout</c>: Npgsql waits 15 s for a connection by default and Marten tries a failed read four times:
/// with a database host that drops packets, a request would wait a minute for its 503.</item>
/// <item><c>Max Auto Prepare</c>: the server sends the same few statements again and again (an append, the
/// read-model upserts, a stream read); prepared once per connection, PostgreSQL stops parsing and planning each
/// of them every time. An import's save took a fifth less time.</item>
/// <item><c>Options=-c jit=off</c>: PostgreSQL compiles a plan with LLVM once its estimated cost passes
/// <c>jit_above_cost</c>, which a state's view in many treaties does; the compiling took many times longer than the
/// query (see the benchmark's state view). The server's questions are short; none gains from it.</item>
/// </list>
/// </summary>
public static class ConnectionDefaults
{
    public const int TimeoutSeconds = 5;
    public const int MaxAutoPrepare = 100;
    public const string Options = "-c jit=off";

    public static string Apply(string connectionString)
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (IsSet(settings, "Timeout") && IsSet(settings, "Max Auto Prepare") && IsSet(settings, "Options")) return connectionString;
        if (!IsSet(settings, "Timeout")) settings["Timeout"] = TimeoutSeconds;
        if (!IsSet(settings, "Max Auto Prepare")) settings["Max Auto Prepare"] = MaxAutoPrepare;
        if (!IsSet(settings, "Options")) settings["Options"] = Options;
        return settings.ConnectionString;
    }

    /// <summary>Npgsql reads a keyword in any case, with or without its spaces ("MaxAutoPrepare").</summary>
    private static bool IsSet(DbConnectionStringBuilder settings, string keyword) =>
        settings.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", ""), keyword.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
}
