using Microsoft.AspNetCore.Mvc;
using Marten;
using TreatyTracker.Api;
using Wolverine.Http;

namespace TreatyTracker.Treaties.GettingStatus;

public static class GetTreatyEndpoint
{
    [WolverineGet("/api/treaties/{id}", Name = "GetTreaty")]
    [ProducesResponseType<TreatyStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<TreatyStatusView>(id, cancellation);
        return view is null
            ? Problems.TreatyNotFound(id).AsResult()
            : Results.Ok(TreatyStatusResponse.From(view, Today.From(clock)));
    }
}
