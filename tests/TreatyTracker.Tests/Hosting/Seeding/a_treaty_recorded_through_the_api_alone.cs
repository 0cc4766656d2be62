using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Http;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties.Decisions;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Seeding;

/// <summary>
/// The seeds have no way of their own into the record: a treaty registered and recorded event by event through the HTTP API,
/// under another id and with no seed, answers every question about its days as its seeded twin does.
/// </summary>
public class a_treaty_recorded_through_the_api_alone(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("sort")]
    [InlineData("start-ii")]
    public async Task answers_as_its_seeded_twin_does(string seeded)
    {
        await Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);
        var twin = $"{seeded}-by-api";
        var seed = Seeds.Of(seeded);

        var registration = JsonSerializer.SerializeToNode(seed.Treaty with { Id = twin }, ApiJson.Options)!.ToJsonString();
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync("/api/treaties", registration)).Status);
        // The twin's events get ids of their own: each is the seeded entry's id under another name.
        var seededIds = new Dictionary<string, string> { [twin] = seeded };
        foreach (var entry in seed.Events)
        {
            var recorded = await Api.Recorded(twin, JsonSerializer.Serialize<RecordEventRequest>(entry, ApiJson.Options));
            seededIds[recorded.Text("eventId")] = SeedFile.EventIdOf(seeded, entry).ToString();
        }

        var questions = await AnonymousApi.StatusQuestionsAsync([seeded]);
        Assert.True(questions.Count > seed.Events.Count, "the twin is asked about every day its record names, and the days either side");
        var expected = await AnonymousApi.AnswersAsync(questions);
        var answered = await AnonymousApi.AnswersAsync(questions.Select(q => q.Replace($"/{seeded}/", $"/{twin}/")));
        var actual = questions.ToDictionary(q => q, q => AsSeeded(answered[q.Replace($"/{seeded}/", $"/{twin}/")], seededIds));
        Scenarios.AssertSameAnswers(expected, actual, $"for {twin}, recorded through the API", ofAnotherRecord: true);
    }

    /// <summary>The twin's answer with its ids (the treaty's and its events') put back to the seeded ones: the only things meant to differ.</summary>
    private static JsonNode? AsSeeded(JsonNode? answer, IReadOnlyDictionary<string, string> seededIds) =>
        answer is null ? null : JsonNode.Parse(seededIds.Aggregate(answer.ToJsonString(), (json, id) => json.Replace($"\"{id.Key}\"", $"\"{id.Value}\"")));
}
