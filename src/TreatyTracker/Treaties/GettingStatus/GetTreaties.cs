using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.CachingAnswers;
using Wolverine.Http;

namespace TreatyTracker.Treaties.GettingStatus;

public static class GetTreatiesEndpoint
{
    [WolverineGet("/api/treaties", Name = "GetTreaties")]
    [ProducesResponseType<IReadOnlyList<TreatyStatusResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, AnswerCache answers, TimeProvider clock, CancellationToken cancellation)
    {
        var today = Today.From(clock);
        return (await answers.AnswerAsync(AnswerCache.EveryTreaty, $"current@{today:yyyy-MM-dd}", async () =>
        {
            var views = await session.Query<TreatyStatusView>().OrderBy(v => v.Id).ToListAsync(cancellation);
            return JsonAnswer.Of<IReadOnlyList<TreatyStatusResponse>>(views.Select(view => TreatyStatusResponse.From(view, today)).ToList());
        }))!;
    }
}
