using Marten;
using Marten.Linq.MatchesSql;

namespace TreatyTracker.Features.Record;

/// <summary>
/// What is new in the record, as <c>GET /api/record</c> and the Atom feeds ask it: the entries recorded after
/// <see cref="Since"/> (up to <see cref="Until"/>), of one treaty or naming any of <see cref="States"/>, newest first.
/// One indexed read of <see cref="RecordEntryRow"/>s.
/// </summary>
/// <param name="States">Every name of the state asked about (<c>StateNamesRow.AllNamesOfAsync</c>).</param>
public sealed record RecordQuery(DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? Treaty = null, IReadOnlyList<string>? States = null)
{
    public async Task<IReadOnlyList<RecordEntryRow>> ReadAsync(IQuerySession session, int skip, int take, CancellationToken cancellation)
    {
        IQueryable<RecordEntryRow> query = session.Query<RecordEntryRow>();
        if (Since is { } after) query = query.Where(r => r.RecordedAt > after);
        if (Until is { } upTo) query = query.Where(r => r.RecordedAt <= upTo);
        if (!string.IsNullOrWhiteSpace(Treaty))
        {
            var treaty = Treaty;
            query = query.Where(r => r.TreatyId == treaty);
        }
        if (States is { } names) query = query.Where(r => r.MatchesSql("jsonb_exists_any(d.data -> 'states', ?)", new object[] { names.ToArray() }));
        return await query.OrderByDescending(r => r.RecordedAt).ThenBy(r => r.TreatyId).ThenByDescending(r => r.Version)
            .Skip(skip).Take(take).ToListAsync(cancellation);
    }
}
