using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TreatyTracker.Http;

/// <summary>
/// A body Kestrel refuses to read (too large, cut off) is the client's fault, whoever reads it first: the endpoint,
/// or the idempotency check hashing it.
/// </summary>
public sealed class BadRequestBodyHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
    {
        if (exception is not BadHttpRequestException bad) return false;

        await context.WriteProblemAsync(new ProblemDetails { Status = bad.StatusCode, Title = "The request body cannot be read", Detail = bad.Message });
        return true;
    }
}
