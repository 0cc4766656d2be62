using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Features.Status;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.History;

public static class GetHistoryEndpoint
{
    [WolverineGet("/api/treaties/{id}/history", Name = "GetHistory")]
    [EndpointSummary("Status intervals and the dated timeline")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<TreatyHistory>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, string? recordedAt, HttpRequest request, IQuerySession session,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var instant = QueryValues.Instant("recordedAt", recordedAt, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var origin = Citing.Origin(request);
        async Task<TaggedAnswer?> Read() => await RecordedHistory.LoadAsync(session, id, instant, cancellation) is { } loaded
            ? JsonAnswer.Of(loaded.History.Cited(origin, loaded.View.ShortName, loaded.View.RecordedThrough))
            : null;
        var history = await Read();
        return history?.AsResult() ?? Problems.TreatyNotFound(id).AsResult();
    }
}
