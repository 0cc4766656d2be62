using TreatyTracker.Features.Allegations;
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

    /// <summary>Where the state stood before, when that standing ended in a way its status does not tell (a ratification revoked …).</summary>
    public PartyStanding? Before { get; init; }

    /// <summary>The treaty's first deadline pending on the day, whoever it concerns.</summary>
    public Deadline? NextDeadline { get; init; }

    /// <summary>The order a state's treaties are listed in: by short name, then id, both ordinal.</summary>
    public static List<StateInTreaty> Listed(IEnumerable<StateInTreaty> treaties) =>
        treaties.OrderBy(t => t.ShortName, StringComparer.Ordinal).ThenBy(t => t.TreatyId, StringComparer.Ordinal).ToList();
}

/// <summary>
/// The allegations a state made or faced up to the day: how many, the newest few, and where to read them all. A state can
/// have thousands; the view stays one screen and one quick read.
/// </summary>
public sealed record StateAllegations(int Count, IReadOnlyList<AllegationResponse> Newest)
{
    public const int NewestShown = 20;

    /// <summary>All of them, newest first, in <c>GET /api/allegations</c> (the record as it stands now).</summary>
    public string All { get; init; } = "";

    /// <summary>Counted, and the newest kept: newest first, then by treaty and event id, ordinal (as <see cref="StateViewQuery"/> sorts them).</summary>
    public static StateAllegations Of(IEnumerable<AllegationRow> allegations)
    {
        var listed = allegations.OrderByDescending(a => a.On).ThenBy(a => a.TreatyId, StringComparer.Ordinal)
            .ThenBy(a => a.Id.ToString(), StringComparer.Ordinal).ToList();
        return new StateAllegations(listed.Count, listed.Take(NewestShown).Select(AllegationResponse.From).ToList());
    }
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
    StateAllegations AllegationsBy,
    StateAllegations AllegationsAgainst) : CitedAnswer
{
    /// <summary>Cited with both times fixed: <c>recordedAt</c> the latest instant any of its treaties was recorded through.</summary>
    public StateView Cited(string origin)
    {
        var day = Citing.Day(AsOf);
        return this.Cite(origin, $"/api/states/{Uri.EscapeDataString(State)}", $"{State}'s treaties on {day}", RecordedThrough,
            ("asOf", day), ("recordedAt", Citing.Instant(RecordedThrough))) with
        {
            AllegationsBy = AllegationsBy with { All = Citing.Link(origin, "/api/allegations", ("accuser", State), ("to", day)) },
            AllegationsAgainst = AllegationsAgainst with { All = Citing.Link(origin, "/api/allegations", ("accused", State), ("to", day)) }
        };
    }

    /// <summary>The view on <paramref name="asOf"/> from the state's rows, one per treaty, and the allegations it made and faced up to that day.</summary>
    public static StateView From(string state, IReadOnlyList<string> names, DateOnly asOf, DateTimeOffset? recordedAt,
        IEnumerable<StateInTreatyRow> rows, IReadOnlyList<AllegationRow> allegations)
    {
        var isState = names.ToHashSet();
        return new StateView(state, names, asOf, recordedAt, StateInTreaty.Listed(rows.Select(r => r.On(asOf))),
            StateAllegations.Of(allegations.Where(a => isState.Contains(a.Accuser))), StateAllegations.Of(allegations.Where(a => isState.Contains(a.Accused))));
    }
}
