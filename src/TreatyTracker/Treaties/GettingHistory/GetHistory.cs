using Microsoft.AspNetCore.Mvc;
using Marten;
using TreatyTracker.Api;
using Wolverine.Http;

namespace TreatyTracker.Treaties.GettingHistory;

public static class GetHistoryEndpoint
{
    [WolverineGet("/api/treaties/{id}/history", Name = "GetHistory")]
    [ProducesResponseType<TreatyHistoryView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<TreatyHistoryView>(id, cancellation);
        return view is null ? Problems.TreatyNotFound(id).AsResult() : Results.Ok(view);
    }
}
