using TreatyTracker.Treaties;

namespace TreatyTracker.Tests.Treaties.Rules;

/// <summary>A random but plausible treaty life for property-style tests: registration, then facts in date order.</summary>
public sealed record GeneratedHistory(TreatyRegistered Registered, IReadOnlyList<(Guid Id, TreatyEvent Fact)> Facts)
{
    /// <summary>Every fact on a day of its own.</summary>
    public static GeneratedHistory Generate(Random random, string id)
    {
        var bilateral = random.Next(2) == 0;
        string[] all = ["A", "B", "C", "D"];
        var parties = bilateral ? all[..2] : all[..random.Next(3, 5)];
        var term = random.Next(3) == 0 ? IsoPeriod.Parse("P5Y") : null;
        var registered = new TreatyRegistered
        {
            TreatyId = id, Name = $"Generated {id}", ShortName = id, Kind = bilateral ? TreatyKind.Bilateral : TreatyKind.Multilateral,
            WithdrawalNoticePeriod = IsoPeriod.Parse("P6M"), Term = term
        };

        var day = new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28));
        DateOnly Next() => day = day.AddDays(random.Next(1, 500));
        string AnyParty() => parties[random.Next(parties.Length)];

        var facts = new List<TreatyEvent>
        {
            new Signed(parties) { On = Next() },
            new Ratified(AnyParty()) { On = Next() },
            new EnteredIntoForce() { On = Next() }
        };
        if (term is not null && random.Next(2) == 0) facts.Add(new TermExtended(day.AddYears(8)) { On = Next() });
        for (var i = random.Next(3, 9); i > 0; i--)
        {
            var on = Next();
            var party = AnyParty();
            facts.Add(random.Next(8) switch
            {
                0 => new ParticipationSuspended(party) { On = on },
                1 => new ParticipationResumed(party) { On = on },
                2 => new ViolationAlleged(party, parties.First(p => p != party)) { On = on, Summary = "alleged" },
                3 => new WithdrawalNoticeGiven(party, on.AddMonths(6)) { On = on },
                4 => new WithdrawalTookEffect(party) { On = on },
                5 => new Acceded($"New{i}") { On = on },
                6 => new Statement(party) { On = on, Summary = "said something" },
                _ => new WithdrawalAnnounced(party) { On = on }
            });
        }
        return new GeneratedHistory(registered, facts.Select(f => (Guid.NewGuid(), f)).ToList());
    }
}
