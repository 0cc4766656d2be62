using System.IO.Hashing;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using TreatyTracker.Store.Answers;

namespace TreatyTracker.Http;

/// <summary>
/// A 200 answer serialized once, with a strong ETag of its bytes (a 128-bit XxHash: the ETag only has to change when
/// the bytes do, and a cryptographic hash would load OpenSSL on a server's first answer): a client that sends it back in
/// <c>If-None-Match</c> gets a bodiless 304. <c>Cache-Control: no-cache</c> makes browsers ask every time.
/// </summary>
public sealed class JsonAnswer(KeptAnswer answer) : IResult
{
    public static KeptAnswer Of<T>(T value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options);
        return new KeptAnswer(body, $"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"");
    }

    public Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        var etag = new EntityTagHeaderValue(answer.ETag);
        response.Headers.ETag = answer.ETag;
        response.Headers.CacheControl = "no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } known
            && known.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = answer.Body.Length;
        return response.Body.WriteAsync(answer.Body, http.RequestAborted).AsTask();
    }
}

public static class JsonAnswers
{
    public static IResult AsResult(this KeptAnswer answer) => new JsonAnswer(answer);
}
