using TreatyTracker.Features.History;
using TreatyTracker.Http;
using TreatyTracker.Treaties.Rules;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.Diff;

public sealed record Cause(Guid Id, string Type, DateOnly On, string? Summary, Citation? Source);

/// <summary>A change of status on <c>On</c>: of the treaty (Party null) or of one party (From null: it joined).</summary>
public sealed record Transition(DateOnly On, string? Party, string? From, string To, DateOnly? EffectiveOn, Cause? Cause)
{
    /// <summary>Of a suspension toward some parties only, before the change: those parties (a widening reads toward Belarus → toward all).</summary>
    public IReadOnlyList<string>? FromToward { get; init; }

    /// <summary>Of a suspension toward some parties only, after the change: those parties.</summary>
    public IReadOnlyList<string>? Toward { get; init; }

    /// <summary>How the standing before ended, when the new status does not tell (a ratification revoked, a suspension lapsed).</summary>
    public StandingEnd? PreviousEndedBy { get; init; }
}

public sealed record TreatyDiff(string TreatyId, DateOnly From, DateOnly To, TreatyStatus StatusOnFrom, TreatyStatus StatusOnTo, IReadOnlyList<Transition> Transitions) : CitedAnswer
{
    /// <summary>Cited with the record's time fixed.</summary>
    public TreatyDiff Cited(string origin, string shortName, DateTimeOffset recordedThrough) =>
        this.Cite(origin, $"/api/treaties/{Uri.EscapeDataString(TreatyId)}/diff", $"what changed in the {shortName} after {Citing.Day(From)} up to {Citing.Day(To)}",
            recordedThrough, ("from", Citing.Day(From)), ("to", Citing.Day(To)), ("recordedAt", Citing.Instant(recordedThrough)));

    /// <summary>What changed after <paramref name="from"/> up to and including <paramref name="to"/>. Pure.</summary>
    public static TreatyDiff Between(TreatyHistory history, DateOnly from, DateOnly to)
    {
        var causes = history.Events.ToDictionary(e => e.Id, e => new Cause(e.Id, e.Type, e.On, e.Summary, e.Source));
        Cause? CauseOf(Guid? id) => id is { } key && causes.TryGetValue(key, out var cause) ? cause : null;
        bool InWindow(DateOnly? day) => day is { } d && d > from && d <= to;

        var treaty = history.Intervals
            .Select((interval, i) => (interval, previous: i > 0 ? history.Intervals[i - 1] : null))
            .Where(x => InWindow(x.interval.From))
            .Select(x => new Transition(x.interval.From!.Value, null, Name(x.previous?.Status), Kebab(x.interval.Status.ToString()), null, CauseOf(x.interval.CausedBy)));

        var parties = history.Parties.SelectMany(party => party.Intervals
            .Select((interval, i) => (interval, previous: i > 0 ? party.Intervals[i - 1] : null))
            .Where(x => InWindow(x.interval.From))
            .Select(x => new Transition(x.interval.From, party.NameOn(x.interval.From), Name(x.previous?.Status), Kebab(x.interval.Status.ToString()),
                x.interval.EffectiveOn, CauseOf(x.interval.CausedBy))
            {
                FromToward = x.previous?.Toward, Toward = x.interval.Toward, PreviousEndedBy = x.interval.PreviousEndedBy
            }));

        return new TreatyDiff(history.Id, from, to, StatusOn(history, from), StatusOn(history, to),
            treaty.Concat(parties).OrderBy(t => t.On).ThenBy(t => t.Party is not null).ToList());
    }

    private static TreatyStatus StatusOn(TreatyHistory history, DateOnly day) => history.Intervals.First(i => i.Contains(day)).Status;

    private static string? Name(TreatyStatus? status) => status is null ? null : Kebab(status.Value.ToString());

    private static string? Name(PartyStatus? status) => status is null ? null : Kebab(status.Value.ToString());

    private static string Kebab(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);
}
