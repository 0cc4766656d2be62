using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Store.ReadModels;
using Wolverine.Http;

namespace TreatyTracker.Http;

/// <summary>
/// Read your writes at the HTTP edge. A write's answer carries the <c>Record-Sequence</c> of the newest event it committed;
/// a request that sends one back, to any instance, is answered once the read models include it. Without it, an instance
/// waits for the writes it made itself (see <see cref="ReadYourWrites"/>).
/// </summary>
public static class ReadAfterWriting
{
    public const string Header = "Record-Sequence";

    /// <remarks>Not an async method: the commits it tracks are noted in the request's own flow, which an async method would not change.</remarks>
    public static Task<ProblemDetails> BeforeAsync(ReadYourWrites reads, IDocumentStore store, HttpContext http)
    {
        var committed = ReadYourWrites.Track();
        http.Response.OnStarting(() =>
        {
            if (committed.Value > 0) http.Response.Headers[Header] = committed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        long? atLeast = null;
        if (http.Request.Headers.TryGetValue(Header, out var sent))
        {
            if (sent.Count != 1 || !long.TryParse(sent[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
                return Task.FromResult(Problems.Invalid("The request cannot be answered", Header, "is the Record-Sequence a write answered with: a whole number"));
            atLeast = sequence;
        }
        return WaitAsync(reads, store, atLeast, http.RequestAborted);
    }

    private static async Task<ProblemDetails> WaitAsync(ReadYourWrites reads, IDocumentStore store, long? atLeast, CancellationToken cancellation)
    {
        await reads.WaitAsync(store, atLeast, cancellation);
        return WolverineContinue.NoProblems;
    }
}
