using Marten;
using Wolverine.Http;

namespace TreatyTracker.Treaties.GettingStatus;

public static class GetTreatiesEndpoint
{
    [WolverineGet("/api/treaties", Name = "GetTreaties")]
    public static async Task<IReadOnlyList<TreatyStatusResponse>> Get(IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var today = Today.From(clock);
        var views = await session.Query<TreatyStatusView>().OrderBy(v => v.Id).ToListAsync(cancellation);
        return views.Select(view => TreatyStatusResponse.From(view, today)).ToList();
    }
}
