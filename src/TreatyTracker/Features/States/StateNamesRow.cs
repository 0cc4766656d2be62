using TreatyTracker.Store.ReadModels;
using System.Linq.Expressions;
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

/// <summary>The names of the states that had several, in every treaty.</summary>
public sealed class StateNamesRows : ReadModel<StateNamesRow>
{
    public override IEnumerable<StateNamesRow> RowsOf(TreatyRecord record) => StateNamesRow.Of(record.Treaty);

    protected override Expression<Func<StateNamesRow, bool>> OfTreaties(string[] treatyIds) => n => n.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(StateNamesRow row) => row.Id;
}
