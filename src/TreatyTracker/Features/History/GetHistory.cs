using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Store.Answers;
using TreatyTracker.Features.Status;
using Wolverine.Http;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.History;

public static class GetHistoryEndpoint
{
    [WolverineGet("/api/treaties/{id}/history", Name = "GetHistory")]
    [EndpointSummary("Status intervals and the dated timeline")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<TreatyHistory>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, IQuerySession session, AnswerCache answers, CancellationToken cancellation)
    {
        var history = await answers.AnswerAsync(id, "history", async () =>
            await LoadAsync(session, id, cancellation) is { } loaded ? JsonAnswer.Of(loaded) : null);
        return history?.AsResult() ?? Problems.TreatyNotFound(id).AsResult();
    }

    /// <summary>One indexed document and one stream read: a treaty's stream is short.</summary>
    public static async Task<TreatyHistory?> LoadAsync(IQuerySession session, string id, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<TreatyStatusView>(id, cancellation);
        return view is null ? null : TreatyHistory.Compose(view, await session.Events.FetchStreamAsync(id, token: cancellation));
    }
}
