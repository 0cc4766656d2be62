using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Http;

namespace TreatyTracker.Features.Status;

public static class GetTreatiesEndpoint
{
    [WolverineGet("/api/treaties", Name = "GetTreaties")]
    [EndpointSummary("Every treaty's current status")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<IReadOnlyList<TreatyStatusResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var today = Today.From(clock);
        var views = await session.Query<TreatyStatusView>().OrderBy(v => v.Id).ToListAsync(cancellation);
        return JsonAnswer.Of<IReadOnlyList<TreatyStatusResponse>>(views.Select(view => TreatyStatusResponse.From(view, today)).ToList()).AsResult();
    }
}
