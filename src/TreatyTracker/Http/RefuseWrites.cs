using Microsoft.AspNetCore.Mvc;

namespace TreatyTracker.Http;

/// <summary>On a read-only instance, any request but a read gets a 405 problem naming where to write instead.</summary>
public sealed class RefuseWrites(RequestDelegate next)
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
