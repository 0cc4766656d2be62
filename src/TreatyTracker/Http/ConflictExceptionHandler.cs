using JasperFx;
using Microsoft.AspNetCore.Diagnostics;

namespace TreatyTracker.Http;

/// <summary>A lost race on a stream is reported as 409, never as a 500 and never silently.</summary>
public sealed class ConflictExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
    {
        if (!IsLostRace(exception)) return false;

        await context.WriteProblemAsync(Problems.Conflict(
            "The treaty's record changed while this request was being handled; nothing was recorded. Read it again and retry."));
        return true;
    }

    /// <summary>Whether the exception, or one it wraps, says another writer changed the same stream first.</summary>
    public static bool IsLostRace(Exception exception) => exception.Causes().Any(e =>
        e is ConcurrencyException
        || e is Marten.Exceptions.StreamLockedException or JasperFx.Events.StreamLockedException
        || e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException);
}
