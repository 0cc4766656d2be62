using Microsoft.AspNetCore.Mvc;
using Marten;
using TreatyTracker.Api;
using TreatyTracker.CachingAnswers;
using Wolverine.Http;

namespace TreatyTracker.Treaties.GettingStatus;

public static class GetTreatyEndpoint
{
    [WolverineGet("/api/treaties/{id}", Name = "GetTreaty")]
    [ProducesResponseType<TreatyStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, AnswerCache answers, TimeProvider clock, CancellationToken cancellation)
    {
        var today = Today.From(clock);
        var current = await answers.AnswerAsync(id, $"current@{today:yyyy-MM-dd}", async () =>
            await session.LoadAsync<TreatyStatusView>(id, cancellation) is { } view ? JsonAnswer.Of(TreatyStatusResponse.From(view, today)) : null);
        return current ?? Problems.TreatyNotFound(id).AsResult();
    }
}
