using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Periods;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.States;

/// <summary>A state in one treaty on a day: the name it had then, its status (null before it took part) and the treaty's own.</summary>
public sealed record StateInTreaty(string TreatyId, string ShortName, string? TreatyStatus, string Name, string? Status, DateOnly? Since)
{
    public DateCertainty? SinceCertainty { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public IReadOnlyList<string>? Toward { get; init; }

    /// <summary>The treaty's first transition after the day, whoever it concerns.</summary>
    public Deadline? NextDeadline { get; init; }
}

/// <summary>
/// Every treaty a state has taken part in, by any of its names, with where it stood in each on <c>AsOf</c> as recorded by
/// <c>RecordedAt</c> (null: now), and the allegations it made and faced up to that day.
/// </summary>
public sealed record StateView(
    string State,
    IReadOnlyList<string> Names,
    DateOnly AsOf,
    DateTimeOffset? RecordedAt,
    IReadOnlyList<StateInTreaty> Treaties,
    IReadOnlyList<AllegationResponse> AllegationsBy,
    IReadOnlyList<AllegationResponse> AllegationsAgainst) : CitedAnswer
{
    /// <summary>Cited with both times fixed: <c>recordedAt</c> the latest instant any of its treaties was recorded through.</summary>
    public StateView Cited(string origin) =>
        this.Cite(origin, $"/api/states/{Uri.EscapeDataString(State)}", $"{State}'s treaties on {Citing.Day(AsOf)}", RecordedThrough,
            ("asOf", Citing.Day(AsOf)), ("recordedAt", Citing.Instant(RecordedThrough)));

    /// <summary>The view from the state's intervals (and the treaties' own, for the treaty status on the day).</summary>
    public static StateView From(string state, IReadOnlyList<string> names, DateOnly asOf, DateTimeOffset? recordedAt,
        IReadOnlyList<StatusIntervalRow> intervals, IReadOnlyDictionary<string, Deadline> deadlines, IReadOnlyList<AllegationResponse> allegations)
    {
        var treaties = intervals.Where(i => i.Party is null).Where(i => i.Contains(asOf)).ToDictionary(i => i.TreatyId, i => i.Status);
        var inTreaties = intervals.Where(i => i.Party is not null)
            .GroupBy(i => (i.TreatyId, i.Party))
            .Select(g =>
            {
                var first = g.First();
                var on = g.FirstOrDefault(i => i.Contains(asOf));
                return new StateInTreaty(first.TreatyId, first.TreatyShortName, treaties.GetValueOrDefault(first.TreatyId),
                    (on ?? first).NameOn(asOf)!, on?.Status, on?.From)
                {
                    SinceCertainty = on?.Certainty, EffectiveOn = on?.EffectiveOn, Toward = on?.Toward,
                    NextDeadline = deadlines.GetValueOrDefault(first.TreatyId)
                };
            })
            .OrderBy(t => t.ShortName, StringComparer.Ordinal).ThenBy(t => t.TreatyId, StringComparer.Ordinal)
            .ToList();
        var isState = names.ToHashSet();
        return new StateView(state, names, asOf, recordedAt, inTreaties,
            allegations.Where(a => isState.Contains(a.Accuser)).ToList(), allegations.Where(a => isState.Contains(a.Accused)).ToList());
    }
}
