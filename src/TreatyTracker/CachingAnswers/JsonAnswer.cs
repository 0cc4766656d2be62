using System.IO.Hashing;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using TreatyTracker.Api;

namespace TreatyTracker.CachingAnswers;

/// <summary>
/// A 200 answer serialized once, with a strong ETag of its bytes (a 128-bit XxHash: the ETag only has to change when
/// the bytes do, and a cryptographic hash would load OpenSSL on a server's first answer): a client that sends it back in
/// <c>If-None-Match</c> gets a bodiless 304. <c>Cache-Control: no-cache</c> makes browsers ask every time.
/// </summary>
public sealed class JsonAnswer : IResult
{
    private JsonAnswer(byte[] body, EntityTagHeaderValue etag)
    {
        Body = body;
        ETag = etag;
    }

    public byte[] Body { get; }
    public EntityTagHeaderValue ETag { get; }

    public static JsonAnswer Of<T>(T value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options);
        return new JsonAnswer(body, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\""));
    }

    public Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers.ETag = ETag.ToString();
        response.Headers.CacheControl = "no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } known
            && known.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body, http.RequestAborted).AsTask();
    }
}
