using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Store.Answers;
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
    public static async Task<IResult> Get(IQuerySession session, AnswerCache answers, TimeProvider clock, CancellationToken cancellation)
    {
        var today = Today.From(clock);
        return (await answers.AnswerAsync(AnswerCache.EveryTreaty, $"current@{today:yyyy-MM-dd}", async () =>
        {
            var views = await session.Query<TreatyStatusView>().OrderBy(v => v.Id).ToListAsync(cancellation);
            return JsonAnswer.Of<IReadOnlyList<TreatyStatusResponse>>(views.Select(view => TreatyStatusResponse.From(view, today)).ToList());
        }))!.AsResult();
    }
}
