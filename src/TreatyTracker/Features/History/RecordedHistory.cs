using JasperFx.Events;
using Marten;
using TreatyTracker.Features.Status;

namespace TreatyTracker.Features.History;

/// <summary>A treaty's history with the read model it was composed from (not on an endpoint class: Wolverine would take a
/// <c>LoadAsync</c> there for middleware and run it before every request).</summary>
public static class RecordedHistory
{
    /// <summary>One indexed document and one stream read: a treaty's stream is short. With <paramref name="recordedAt"/>, both
    /// as the record stood then (rare, for audit).</summary>
    public static async Task<(TreatyStatusView View, TreatyHistory History)?> LoadAsync(IQuerySession session, string id, DateTimeOffset? recordedAt,
        CancellationToken cancellation)
    {
        if (recordedAt is { } instant)
        {
            var known = StatusAsOf.KnownAt(await session.Events.FetchStreamAsync(id, token: cancellation), instant);
            return StatusAsOf.ViewOf(known) is { } then ? (then, TreatyHistory.Compose(then, known)) : null;
        }
        var view = await session.LoadAsync<TreatyStatusView>(id, cancellation);
        return view is null ? null : (view, TreatyHistory.Compose(view, await session.Events.FetchStreamAsync(id, token: cancellation)));
    }
}
