using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Features.Status;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Deadlines;

public static class GetDeadlinesEndpoint
{
    /// <summary>Transitions due in a window (withdrawals taking effect, expiries), past or future; without a window, from today on.</summary>
    [WolverineGet("/api/deadlines", Name = "GetDeadlines")]
    [EndpointSummary("Transitions due in a window")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<IReadOnlyList<DeadlineRow>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? from, string? to, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var start = QueryValues.Date("from", from, errors);
        var end = QueryValues.Date("to", to, errors);
        if (start is null && end is null && errors is { Any: false }) start = Today.From(clock);
        QueryValues.Window(start, end, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var query = session.Query<DeadlineRow>().AsQueryable();
        if (start is { } s) query = query.Where(d => d.On >= s);
        if (end is { } e) query = query.Where(d => d.On <= e);
        return JsonAnswer.Of(await query.OrderBy(d => d.On).ThenBy(d => d.TreatyId).ToListAsync(cancellation)).AsResult();
    }
}
