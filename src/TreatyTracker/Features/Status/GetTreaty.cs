using Microsoft.AspNetCore.Mvc;
using Marten;
using TreatyTracker.Http;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Status;

public static class GetTreatyEndpoint
{
    [WolverineGet("/api/treaties/{id}", Name = "GetTreaty")]
    [EndpointSummary("A treaty's current status")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<TreatyStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var today = Today.From(clock);
        return await session.LoadAsync<TreatyStatusView>(id, cancellation) is { } view
            ? JsonAnswer.Of(TreatyStatusResponse.From(view, today)).AsResult()
            : Problems.TreatyNotFound(id).AsResult();
    }
}
