using System.Reflection;
using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Store.ReadModels;
using Wolverine.Http;

namespace TreatyTracker.Http;

/// <summary>
/// Read your writes at the HTTP edge. A write answers with the <c>Record-Sequence</c> of the newest event it committed
/// (<see cref="AnswerWithRecordSequence"/>); a read that sends one back, to any instance, is answered once the read models
/// include it. Without it, an instance waits for the writes it made itself (see <see cref="ReadYourWrites"/>). Writes wait
/// for nothing (they decide on the treaty's stream), but those marked <see cref="ReadsReadModelsAttribute"/>.
/// </summary>
public static class ReadAfterWriting
{
    public const string Header = "Record-Sequence";

    /// <summary>Whether an endpoint answers from the read models, and so waits for the writes it must include.</summary>
    public static bool Reads(MethodInfo method, IEnumerable<string> httpMethods) =>
        httpMethods.Contains(HttpMethods.Get) || method.GetCustomAttribute<ReadsReadModelsAttribute>() is not null;

    public static async Task<ProblemDetails> BeforeAsync(ReadYourWrites reads, IDocumentStore store, HttpContext http)
    {
        long? atLeast = null;
        if (http.Request.Headers.TryGetValue(Header, out var sent))
        {
            if (sent.Count != 1 || !long.TryParse(sent[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
                return Problems.Invalid("The request cannot be answered", Header, "is the Record-Sequence a write answered with: a whole number");
            atLeast = sequence;
        }
        await reads.WaitAsync(store, atLeast, http.RequestAborted);
        return WolverineContinue.NoProblems;
    }
}

/// <summary>A write whose decision reads the read models (not only the treaty's stream): it waits for them as a read does.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsReadModelsAttribute : Attribute;

/// <summary>Every write's answer carries the <see cref="ReadAfterWriting.Header"/> of the newest event it committed.</summary>
public static class AnswerWithRecordSequence
{
    /// <remarks>Not an async method: the commits it tracks are noted in the request's own flow, which an async method would not change.</remarks>
    public static void Before(HttpContext http)
    {
        var committed = ReadYourWrites.Track();
        http.Response.OnStarting(() =>
        {
            if (committed.Value > 0) http.Response.Headers[ReadAfterWriting.Header] = committed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }
}
