using TreatyTracker.Treaties;
using TreatyTracker.Store.Kept;
using Xunit;

namespace TreatyTracker.Tests.Store.Kept;

public class keeping_treaties_in_memory
{
    private static Treaty WithFacts(string id, int facts) => Enumerable.Range(0, facts).Aggregate(
        Treaty.Register(new TreatyRegistered { TreatyId = id, Name = id, ShortName = id, Kind = TreatyKind.Bilateral, WithdrawalNoticePeriod = new IsoPeriod(0, 6, 0) }, DateTimeOffset.UnixEpoch),
        (treaty, day) => treaty.Record(new Statement { On = new DateOnly(2000, 1, 1).AddDays(day) }, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

    [Fact]
    public void a_treaty_is_kept_by_its_id_until_a_later_fold_replaces_it()
    {
        using var kept = new KeptTreaties(200_000);
        var first = WithFacts("a", 3);
        var later = first.Record(new Statement { On = new DateOnly(2001, 1, 1) }, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        kept.Keep(first);
        Assert.Same(first, kept.Kept("a"));
        kept.Keep(later);
        Assert.Same(later, kept.Kept("a"));
        Assert.Null(kept.Kept("b"));
    }

    [Fact]
    public void a_treaty_without_facts_is_not_kept()
    {
        using var kept = new KeptTreaties(200_000);
        kept.Keep(WithFacts("a", 0));
        Assert.Null(kept.Kept("a"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 11)]
    public void nothing_is_kept_beyond_the_facts_allowed(int allowed, int facts)
    {
        using var kept = new KeptTreaties(allowed);
        kept.Keep(WithFacts("a", facts));
        Assert.Null(kept.Kept("a"));
    }
}
