using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>States of the world built through the real API, so tests read like an analyst's story.</summary>
public static class Scenarios
{
    /// <summary>What the API answers to each question (a GET URL), to compare two states of the read models.</summary>
    public static async Task<Dictionary<string, JsonNode?>> AnswersAsync(this TreatyApi api, IEnumerable<string> questions)
    {
        var answers = new Dictionary<string, JsonNode?>();
        foreach (var question in questions) answers[question] = (await api.GetAsync(question)).Body;
        return answers;
    }

    /// <summary>Each treaty's status on every day its record names, the days either side, and 2026-12-01.</summary>
    public static async Task<IReadOnlyList<string>> StatusQuestionsAsync(this TreatyApi api, IEnumerable<string> treaties)
    {
        var questions = new List<string>();
        foreach (var treaty in treaties)
        {
            var history = await api.GetAsync($"/api/treaties/{treaty}/history");
            var days = history.Body.At("events")!.AsArray().Select(e => DateOnly.Parse(e!["on"]!.GetValue<string>()))
                .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) }).Append(new DateOnly(2026, 12, 1)).Distinct();
            questions.AddRange(days.Select(d => $"/api/treaties/{treaty}/status?asOf={d:yyyy-MM-dd}"));
        }
        return questions;
    }

    /// <param name="ofAnotherRecord">The answers come from another record of the same facts (another database, or the
    /// same facts recorded again), so the instants the records were made at differ: the fields that name them are left out.</param>
    public static void AssertSameAnswers(Dictionary<string, JsonNode?> expected, Dictionary<string, JsonNode?> actual, string actualWhen,
        bool ofAnotherRecord = false)
    {
        static string Start(JsonNode? answer) => answer?.ToJsonString() is { } json ? json[..Math.Min(600, json.Length)] : "(nothing)";
        JsonNode? Compared(JsonNode? answer) => ofAnotherRecord ? WithoutRecordTime(answer?.DeepClone()) : answer;
        foreach (var (question, answer) in expected)
            Assert.True(JsonNode.DeepEquals(Compared(answer), Compared(actual[question])), $"{question} differs {actualWhen}:\n{Start(answer)}\n{Start(actual[question])}");
    }

    /// <summary>The answer without the fields that name when its record was made: <c>recordedThrough</c>, and the permalink and
    /// citation built on it (and any <paramref name="others"/>).</summary>
    public static JsonNode? WithoutRecordTime(JsonNode? node, params string[] others)
    {
        switch (node)
        {
            case JsonObject answer:
                foreach (var field in new[] { "recordedThrough", "permalink", "citation" }.Concat(others)) answer.Remove(field);
                foreach (var (_, value) in answer) WithoutRecordTime(value, others);
                break;
            case JsonArray items:
                foreach (var item in items) WithoutRecordTime(item, others);
                break;
        }
        return node;
    }

    public static async Task<ApiResponse> Recorded(this TreatyApi api, string treatyId, string json)
    {
        var response = await api.RecordAsync(treatyId, json);
        Assert.True(response.Status == HttpStatusCode.Created, $"recording {json} answered {(int)response.Status}: {response.Body}");
        return response;
    }

    /// <summary>A bilateral treaty between the United States and Russia, signed 1987-12-08, in force from 1988-06-01.</summary>
    public static async Task BilateralTreatyInForce(this TreatyApi api, string id, string notice = "P6M", string? term = null)
    {
        var registered = await api.RegisterAsync(id, "bilateral", notice, term);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        await api.Recorded(id, """{"type":"signed","on":"1987-12-08","parties":["United States","Russia"]}""");
        await api.Recorded(id, """{"type":"entered-into-force","on":"1988-06-01"}""");
    }

    /// <summary>A multilateral treaty of A, B and C in force since 2020-06-01, with one year's notice, from which A gave notice on <paramref name="noticeOn"/>.</summary>
    public static async Task MultilateralTreatyWithNoticeFromA(this TreatyApi api, string id, DateOnly noticeOn)
    {
        Assert.Equal(HttpStatusCode.Created, (await api.RegisterAsync(id, "multilateral", "P1Y")).Status);
        await api.Recorded(id, """{"type":"signed","on":"2020-01-01","parties":["A","B","C"]}""");
        await api.Recorded(id, """{"type":"entered-into-force","on":"2020-06-01"}""");
        await api.Recorded(id, $$"""{"type":"withdrawal-notice-given","on":"{{noticeOn:yyyy-MM-dd}}","party":"A"}""");
    }
}
