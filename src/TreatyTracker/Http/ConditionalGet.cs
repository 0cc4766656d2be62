using System.IO.Hashing;
using Microsoft.Net.Http.Headers;

namespace TreatyTracker.Http;

/// <summary>
/// A 200 answer's bytes with a strong ETag of them (a 128-bit XxHash: the ETag only has to change when the bytes do, and
/// a cryptographic hash would load OpenSSL on a server's first answer): a client that sends it back in
/// <c>If-None-Match</c> gets a bodiless 304. <c>Cache-Control: no-cache</c> makes browsers ask every time.
/// </summary>
public static class ConditionalGet
{
    public static TaggedAnswer Tagged(byte[] body) => new(body, $"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"");

    /// <summary>The answer as an endpoint returns it (see <see cref="WriteAsync"/>).</summary>
    public static IResult Result(TaggedAnswer answer, string contentType, DateTimeOffset? lastModified = null) =>
        new Answer(answer, contentType, lastModified);

    private sealed class Answer(TaggedAnswer answer, string contentType, DateTimeOffset? lastModified) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => WriteAsync(http, answer, contentType, lastModified);
    }

    /// <param name="lastModified">When what the answer says last changed: sent as <c>Last-Modified</c>, and a request with
    /// <c>If-Modified-Since</c> (and no <c>If-None-Match</c>) gets a 304 when nothing changed after the second it names:
    /// HTTP dates have whole seconds, so a change later in that same second is only told by the ETag.</param>
    public static Task WriteAsync(HttpContext http, TaggedAnswer answer, string contentType, DateTimeOffset? lastModified = null)
    {
        var request = http.Request.GetTypedHeaders();
        var response = http.Response;
        var etag = new EntityTagHeaderValue(answer.ETag);
        response.Headers.ETag = answer.ETag;
        response.Headers.CacheControl = "no-cache";
        if (lastModified is { } changed) response.GetTypedHeaders().LastModified = Seconds(changed);
        var unchanged = request.IfNoneMatch is { Count: > 0 } known
            ? known.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : lastModified is { } last && request.IfModifiedSince is { } since && Seconds(last) <= since;
        if (unchanged)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = answer.Body.Length;
        return response.Body.WriteAsync(answer.Body, http.RequestAborted).AsTask();
    }

    /// <summary>An HTTP date has whole seconds: the second the instant falls in.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset instant) => new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
