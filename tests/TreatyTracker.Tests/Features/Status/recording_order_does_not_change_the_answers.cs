using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyTracker.Http;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties;
using TreatyTracker.Features.Status;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Treaties.Rules;
using TreatyTracker.Tests.Treaties;
using TreatyTracker.Tests.Treaties.Rules;
using Xunit;

namespace TreatyTracker.Tests.Features.Status;

/// <summary>
/// Property-style: generated histories are appended to the store one event per transaction, in date order,
/// in reverse and shuffled; every answer the API gives must equal the pure fold of the same facts.
/// </summary>
public class recording_order_does_not_change_the_answers(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task for_generated_histories_recorded_in_any_order()
    {
        for (var seed = 1; seed <= 15; seed++)
        {
            var random = new Random(seed);
            var history = GeneratedHistory.Generate(random, $"gen-{seed}");
            var orders = new Dictionary<string, IReadOnlyList<(Guid, TreatyEvent)>>
            {
                ["date"] = history.Facts,
                ["reverse"] = history.Facts.Reverse().ToList(),
                ["shuffled"] = history.Facts.OrderBy(_ => random.Next()).ToList()
            };

            foreach (var (order, facts) in orders)
            {
                var treatyId = $"gen-{seed}-{order}";
                await AppendAsync(history.Registered with { TreatyId = treatyId }, facts);
                var expected = StatusFold.Fold(history.Registered.Kind, history.Registered.Term,
                    history.Facts.Select((f, i) => new RecordedFact(f.Id, i + 2, DateTimeOffset.UnixEpoch, f.Fact)).ToList()).Timeline;

                var recordedThrough = (await Api.GetAsync($"/api/treaties/{treatyId}/events")).Body!.AsArray()[^1]!["recordedAt"]!.GetValue<DateTimeOffset>();
                foreach (var day in SampleDays(history, expected))
                {
                    var actual = await Api.GetAsync($"/api/treaties/{treatyId}/status?asOf={day:yyyy-MM-dd}");
                    AssertSame(Expected(treatyId, history.Registered, day, null, expected, recordedThrough), actual.Body, $"seed {seed}, {order}, {day}");
                }
                var audit = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
                var lastDay = SampleDays(history, expected).Max();
                var folded = await Api.GetAsync($"/api/treaties/{treatyId}/status?asOf={lastDay:yyyy-MM-dd}&recordedAt=2100-01-01T00:00:00Z");
                AssertSame(Expected(treatyId, history.Registered, lastDay, audit, expected, recordedThrough), folded.Body, $"seed {seed}, {order}, recordedAt");
            }
        }
    }

    private static void AssertSame(JsonNode expected, JsonNode? actual, string where) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{where}:\nexpected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    private static JsonNode Expected(string treatyId, TreatyRegistered registered, DateOnly day, DateTimeOffset? recordedAt, TreatyTimeline timeline,
        DateTimeOffset recordedThrough) =>
        JsonSerializer.SerializeToNode(StatusAsOfResponse.From(treatyId, registered.Name, registered.ShortName, day, recordedAt, timeline.On(day),
            timeline.Allegations.Select(a => AllegationRow.From(treatyId, a)), recordedThrough).Cited("http://localhost"), ApiJson.Options)!;

    /// <summary>One commit per fact, in the order given, past the decisions (some orders are ones they would refuse).</summary>
    private async Task AppendAsync(TreatyRegistered registered, IReadOnlyList<(Guid Id, TreatyEvent Fact)> facts)
    {
        await StoreWrites.RegisterAsync(Store, registered);
        foreach (var fact in facts) await StoreWrites.RecordAsync(Store, registered.TreatyId, fact);
    }

    private static IEnumerable<DateOnly> SampleDays(GeneratedHistory history, TreatyTimeline timeline) =>
        history.Facts.Select(f => f.Fact.On)
            .Concat(timeline.Deadlines.Select(d => d.On))
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Append(new DateOnly(1900, 1, 1))
            .Append(new DateOnly(2150, 1, 1))
            .Distinct()
            .Order();
}
