using System.Text.Json;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>
/// A treaty one fact longer continues the fold of the treaty it extends (<see cref="StatusFold.Continue"/>): whatever
/// the order facts are recorded in, with retractions and facts sharing a day, it must give what folding the whole
/// record from nothing gives.
/// </summary>
public class continuing_a_fold
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
                    _ = treaty.Timeline; // folded, so that the next treaty continues its fold
                    var next = treaty.Record(fact, id, DateTimeOffset.UnixEpoch.AddDays(treaty.Version));
                    var whole = StatusFold.Fold(next.Terms.Kind, next.Terms.Term, next.Facts).Timeline;
                    Assert.True(Json(whole) == Json(next.Timeline), $"seed {seed}, {order}, after {next.Facts.Count} facts:\n{Json(whole)}\n{Json(next.Timeline)}");
                    treaty = next;
                }
            }
        }
    }

    [Fact]
    public void never_continues_from_a_record_that_the_longer_one_does_not_extend()
    {
        var signed = History.Treaty().With(History.Signed("1987-12-08", "A", "B"));
        var elsewhere = History.Treaty().With(History.Signed("1990-01-01", "A", "B"), History.InForce("1991-01-01"));

        Assert.Null(StatusFold.Continue(StatusFold.Fold(signed.Terms.Kind, signed.Terms.Term, signed.Facts), elsewhere.Facts));
        Assert.NotNull(StatusFold.Continue(StatusFold.Fold(signed.Terms.Kind, signed.Terms.Term, signed.Facts), signed.With(History.InForce("1988-06-01")).Facts));
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
