using JasperFx.Events;
using Marten;

namespace TreatyTracker.Store.ReadModels;

/// <summary>Reads whole treaty streams, many in one query, through Marten's own event queries.</summary>
public static class TreatyStreams
{
    public static async Task<Dictionary<string, IReadOnlyList<IEvent>>> ReadAsync(IQuerySession session, string[] treatyIds, CancellationToken cancellation)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey!.IsOneOf(treatyIds))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        return events.GroupBy(e => e.StreamKey!).ToDictionary(g => g.Key, g => (IReadOnlyList<IEvent>)g.ToList());
    }
}
