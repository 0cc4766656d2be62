using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;

namespace TreatyTracker.ReadingFromAReplica;

/// <summary>
/// An instance that only reads (<c>TreatyTracker:ReadOnly</c>), so that it can run on a PostgreSQL streaming
/// replica: it refuses every write, changes no schema, keeps no durable messages, neither seeds nor acts on
/// deadlines, and hears of changes from the primary if <c>ConnectionStrings:Notifications</c> points there
/// (a standby cannot LISTEN).
/// </summary>
public static class ReadOnlyInstance
{
    public const string Setting = "TreatyTracker:ReadOnly";

    public static bool IsConfigured(IConfiguration configuration) => configuration.GetValue(Setting, false);

    /// <summary>Where the live feed listens: the notifications connection, else the database unless it is a replica.</summary>
    public static string? NotificationsConnection(IConfiguration configuration, string connectionString) =>
        configuration.GetConnectionString("Notifications") ?? (IsConfigured(configuration) ? null : connectionString);
}

/// <summary>Any request but a read gets a 405 problem naming where to write instead.</summary>
public sealed class RefuseWritesOnAReadOnlyInstance(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Response.Headers.Allow = "GET, HEAD";
        await context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status405MethodNotAllowed,
            Title = "This instance only reads",
            Detail = "It serves reads from a replica of the database; send writes to an instance on the primary. Nothing was recorded."
        });
    }
}
