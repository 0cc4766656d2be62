using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Features.History;
using TreatyTracker.Features.Status;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Diff;

public static class GetDiffEndpoint
{
    [WolverineGet("/api/treaties/{id}/diff", Name = "GetDiff")]
    [EndpointSummary("What changed between two dates")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<TreatyDiff>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, string? from, string? to, string? recordedAt, HttpRequest request, IQuerySession session,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var instant = QueryValues.Instant("recordedAt", recordedAt, errors);
        var start = QueryValues.Date("from", from, errors);
        var end = QueryValues.Date("to", to, errors);
        if (string.IsNullOrWhiteSpace(from)) errors.Add("from", "is required (YYYY-MM-DD)");
        if (string.IsNullOrWhiteSpace(to)) errors.Add("to", "is required (YYYY-MM-DD)");
        QueryValues.Window(start, end, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var origin = Citing.Origin(request);
        async Task<TaggedAnswer?> Read() => await RecordedHistory.LoadAsync(session, id, instant, cancellation) is { } loaded
            ? JsonAnswer.Of(TreatyDiff.Between(loaded.History, start!.Value, end!.Value).Cited(origin, loaded.View.ShortName, loaded.View.RecordedThrough))
            : null;
        var diff = await Read();
        return diff?.AsResult() ?? Problems.TreatyNotFound(id).AsResult();
    }
}
