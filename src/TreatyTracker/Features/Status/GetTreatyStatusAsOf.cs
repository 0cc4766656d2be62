using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Status;

public static class GetTreatyStatusAsOfEndpoint
{
    [WolverineGet("/api/treaties/{id}/status", Name = "GetTreatyStatusAsOf")]
    [EndpointSummary("A treaty and every party on a date, as recorded by an instant")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<StatusAsOfResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, string? asOf, string? recordedAt, HttpRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (query, problem) = StatusAsOf.Read(asOf, recordedAt, clock);
        if (problem is not null) return problem.AsResult();
        var origin = Citing.Origin(request);

        if (query!.RecordedAt is { } instant)
        {
            var stream = await session.Events.FetchStreamAsync(id, token: cancellation);
            if (stream.Count == 0) return Problems.TreatyNotFound(id).AsResult();
            var answer = StatusAsOf.FromStream(stream, query.AsOf, instant);
            return answer is null
                ? Problems.TreatyNotFound(id, $"Treaty '{id}' had not been recorded yet at {instant:O}.").AsResult()
                : JsonAnswer.Of(answer.Cited(origin)).AsResult();
        }

        return await StatusAsOf.OfTreatyFromSegmentsAsync(session, query.AsOf, id, cancellation) is { } current
            ? JsonAnswer.Of(current.Cited(origin)).AsResult()
            : Problems.TreatyNotFound(id).AsResult();
    }
}
