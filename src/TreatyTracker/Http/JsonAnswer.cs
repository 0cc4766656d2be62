using System.Text.Json;

namespace TreatyTracker.Http;

/// <summary>An answer's bytes and the strong ETag of them.</summary>
public sealed record TaggedAnswer(byte[] Body, string ETag);

/// <summary>A 200 JSON answer serialized once, with the strong ETag of its bytes (see <see cref="ConditionalGet"/>).</summary>
public static class JsonAnswer
{
    public const string ContentType = "application/json; charset=utf-8";

    public static TaggedAnswer Of<T>(T value) => ConditionalGet.Tagged(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options));
}

public static class JsonAnswers
{
    public static IResult AsResult(this TaggedAnswer answer) => ConditionalGet.Result(answer, JsonAnswer.ContentType);
}
