using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;
using TreatyTracker.Treaties.GettingStatus;
using Wolverine.Http;

namespace TreatyTracker.Treaties.GettingHistory;

public static class GetHistoryEndpoint
{
    [WolverineGet("/api/treaties/{id}/history", Name = "GetHistory")]
    [ProducesResponseType<TreatyHistory>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation)
    {
        var history = await LoadAsync(session, id, cancellation);
        return history is null ? Problems.TreatyNotFound(id).AsResult() : Results.Ok(history);
    }

    /// <summary>One indexed document and one stream read: a treaty's stream is short.</summary>
    public static async Task<TreatyHistory?> LoadAsync(IQuerySession session, string id, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<TreatyStatusView>(id, cancellation);
        return view is null ? null : TreatyHistory.Compose(view, await session.Events.FetchStreamAsync(id, token: cancellation));
    }
}
