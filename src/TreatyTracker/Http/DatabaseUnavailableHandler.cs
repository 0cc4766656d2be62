using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace TreatyTracker.Http;

/// <summary>
/// While PostgreSQL cannot be reached (stopped, restarting, out of connections, the network gone), every request
/// that needs it answers 503 with <c>Retry-After</c> at once, never a 500; the server needs no restart afterwards.
/// </summary>
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    // Errors PostgreSQL reports about the server rather than the request.
    private static readonly HashSet<string> ServerUnavailableStates =
    [
        PostgresErrorCodes.AdminShutdown,
        PostgresErrorCodes.CrashShutdown,
        PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections
    ];

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
    {
        if (!IsUnreachable(exception)) return false;

        logger.LogWarning("{Method} {Path} answered 503, PostgreSQL cannot be reached: {Reason}",
            context.Request.Method, context.Request.Path, exception.Causes().Last().Message);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        await context.WriteProblemAsync(Problems.DatabaseUnavailable(RetryAfterSeconds));
        return true;
    }

    /// <summary>Whether the exception, or one it wraps, says the database cannot be reached, as opposed to a failed statement.</summary>
    public static bool IsUnreachable(Exception exception) => exception.Causes().Any(e => e switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || ServerUnavailableStates.Contains(postgres.SqlState),
        // Without a SQLSTATE, a transient Npgsql error is the wire: refused, reset, timed out, no free connection.
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException => true,
        _ => false
    });
}
