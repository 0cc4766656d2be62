using Marten;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.States;

/// <summary>
/// The names one state has had in one treaty, when it has had more than one (a continuing state: the USSR, then
/// Russia), so that a question by any of them finds the state.
/// </summary>
public sealed record StateNamesRow(string Id, string TreatyId, IReadOnlyList<string> Names)
{
    public static IEnumerable<StateNamesRow> Of(Treaty treaty) => treaty.Timeline.Parties
        .Where(p => p.Names is { Count: > 1 })
        .Select(p => new StateNamesRow($"{treaty.Id}/{p.Names![0].Name}", treaty.Id, p.Names.Select(n => n.Name).Distinct().ToList()));

    public static bool Same(StateNamesRow a, StateNamesRow b) => a.TreatyId == b.TreatyId && a.Names.SequenceEqual(b.Names);

    /// <summary>Every name the state called <paramref name="name"/> has had, in any treaty; the name alone when it had no other.</summary>
    public static async Task<string[]> AllNamesOfAsync(IQuerySession session, string name, CancellationToken cancellation)
    {
        var rows = await session.Query<StateNamesRow>().Where(r => r.Names.Contains(name)).ToListAsync(cancellation);
        return rows.SelectMany(r => r.Names).Append(name).Distinct().ToArray();
    }

    /// <summary>Whether any treaty names a state of these names as a signatory or party.</summary>
    public static Task<bool> AnyTreatyNamesAsync(IQuerySession session, string[] names, CancellationToken cancellation) =>
        session.Query<Periods.StatusIntervalRow>().AnyAsync(i => i.Party.IsOneOf(names), cancellation);
}
