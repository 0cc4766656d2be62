using System.Text.Json;
using TreatyTracker.Store.Answers;

namespace TreatyTracker.Http;

/// <summary>A 200 JSON answer serialized once, with the strong ETag of its bytes (see <see cref="ConditionalGet"/>).</summary>
public static class JsonAnswer
{
    public const string ContentType = "application/json; charset=utf-8";

    public static KeptAnswer Of<T>(T value) => ConditionalGet.Tagged(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options));
}

public static class JsonAnswers
{
    public static IResult AsResult(this KeptAnswer answer) => ConditionalGet.Result(answer, JsonAnswer.ContentType);
}
