using Marten;
using TreatyTracker.Features.States;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Allegations;

public static class GetAllegationsEndpoint
{
    /// <summary>Standing violation allegations across treaties, newest first, each with its source.</summary>
    [WolverineGet("/api/allegations", Name = "GetAllegations")]
    [EndpointSummary("Standing violation allegations across treaties")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<IReadOnlyList<AllegationResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? accuser, string? accused, string? treaty, string? from, string? to,
        IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var start = QueryValues.Date("from", from, errors);
        var end = QueryValues.Date("to", to, errors);
        QueryValues.Window(start, end, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        return JsonAnswer.Of(await ReadAsync(session, accuser, accused, treaty, start, end, cancellation)).AsResult();
    }

    private static async Task<List<AllegationResponse>> ReadAsync(IQuerySession session, string? accuser, string? accused, string? treaty,
        DateOnly? start, DateOnly? end, CancellationToken cancellation)
    {
        var query = session.Query<AllegationRow>().AsQueryable();
        // A state is found by any name it has had (the USSR, Russia).
        if (!string.IsNullOrWhiteSpace(accuser))
        {
            var names = await StateNamesRow.AllNamesOfAsync(session, accuser, cancellation);
            query = query.Where(a => a.Accuser.IsOneOf(names));
        }
        if (!string.IsNullOrWhiteSpace(accused))
        {
            var names = await StateNamesRow.AllNamesOfAsync(session, accused, cancellation);
            query = query.Where(a => a.Accused.IsOneOf(names));
        }
        if (!string.IsNullOrWhiteSpace(treaty)) query = query.Where(a => a.TreatyId == treaty);
        if (start is { } s) query = query.Where(a => a.On >= s);
        if (end is { } e) query = query.Where(a => a.On <= e);

        var rows = await query.OrderByDescending(a => a.On).ThenBy(a => a.TreatyId).ToListAsync(cancellation);
        return rows.Select(AllegationResponse.From).ToList();
    }
}
