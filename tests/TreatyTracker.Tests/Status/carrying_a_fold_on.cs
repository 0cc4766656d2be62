using System.Text.Json;
using TreatyTracker.Api;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Status;
using Xunit;

namespace TreatyTracker.Tests.Status;

/// <summary>
/// A record one fact longer may carry its fold on from the shorter record's (<see cref="StatusFold.FoldAfter"/>):
/// whatever the order facts are recorded in, with retractions and facts sharing a day, it must give what folding
/// the whole record from nothing gives.
/// </summary>
public class carrying_a_fold_on
{
    [Fact]
    public void gives_the_fold_of_the_whole_record_after_every_fact()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var history = GeneratedHistory.Generate(random, $"gen-{seed}");
            var facts = WithSameDayFactsAndRetractions(random, history.Facts);
            var orders = new Dictionary<string, IReadOnlyList<(Guid Id, TreatyEvent Fact)>>
            {
                ["date"] = facts,
                ["reverse"] = Enumerable.Reverse(facts).ToList(),
                ["shuffled"] = facts.OrderBy(_ => random.Next()).ToList()
            };

            foreach (var (order, recorded) in orders)
            {
                var treaty = Treaty.Register(history.Registered, DateTimeOffset.UnixEpoch);
                foreach (var (id, fact) in recorded)
                {
                    var next = treaty.Record(fact, id, DateTimeOffset.UnixEpoch.AddDays(treaty.StreamVersion));
                    var carriedOn = StatusFold.FoldAfter(treaty, next);
                    var whole = StatusFold.Fold(next.Kind, next.Term, next.Facts);
                    Assert.True(Json(whole) == Json(carriedOn), $"seed {seed}, {order}, after {next.Facts.Count} facts:\n{Json(whole)}\n{Json(carriedOn)}");
                    treaty = next;
                }
            }
        }
    }

    [Fact]
    public void of_a_record_that_does_not_extend_the_other_is_the_fold_of_the_whole_record()
    {
        var signed = History.Treaty().With(History.Signed("1987-12-08", "A", "B"));
        var elsewhere = History.Treaty().With(History.Signed("1990-01-01", "A", "B"), History.InForce("1991-01-01"));

        Assert.Equal(Json(StatusFold.Fold(elsewhere.Kind, elsewhere.Term, elsewhere.Facts)), Json(StatusFold.FoldAfter(signed, elsewhere)));
    }

    private static string Json(TreatyTimeline timeline) => JsonSerializer.Serialize(timeline, ApiJson.Options);

    /// <summary>Adds statements on days that already have a fact, and retractions of some facts.</summary>
    private static List<(Guid Id, TreatyEvent Fact)> WithSameDayFactsAndRetractions(Random random, IReadOnlyList<(Guid Id, TreatyEvent Fact)> facts)
    {
        var all = facts.ToList();
        foreach (var (_, fact) in facts.Where(_ => random.Next(4) == 0).ToList())
            all.Add((Guid.NewGuid(), new Statement("X") { On = fact.On }));
        foreach (var (id, fact) in facts.Where(_ => random.Next(6) == 0).ToList())
            all.Add((Guid.NewGuid(), new EventRetracted(id, "wrong") { On = fact.On.AddDays(random.Next(0, 3)) }));
        return all.OrderBy(f => f.Fact.On).ToList();
    }
}
