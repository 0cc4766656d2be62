using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.Status;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;

namespace TreatyTracker.Features.Links;

public static class GetTreatyLinksEndpoint
{
    /// <summary>
    /// A treaty's relations to other treaties (it answers, replaces, amends or was superseded by them, or they it),
    /// as the record states them by <c>asOf</c> (default: every one recorded), in the order of their days.
    /// </summary>
    [WolverineGet("/api/treaties/{id}/links", Name = "GetTreatyLinks")]
    [EndpointSummary("A treaty's relations to other treaties")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<IReadOnlyList<TreatyLinkResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, string? asOf, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var day = QueryValues.Date("asOf", asOf, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();
        if (!await session.Query<TreatyStatusView>().AnyAsync(v => v.Id == id, cancellation)) return Problems.TreatyNotFound(id).AsResult();

        var rows = await session.Query<TreatyLinkRow>()
            .Where(l => (l.FromTreaty == id || l.ToTreaty == id) && (day == null || l.On <= day))
            .ToListAsync(cancellation);
        var others = rows.Select(r => r.FromTreaty == id ? r.ToTreaty : r.FromTreaty).Distinct().ToArray();
        var shortNames = (await session.Query<TreatyStatusView>().Where(v => v.Id.IsOneOf(others))
            .Select(v => new { v.Id, v.ShortName }).ToListAsync(cancellation)).ToDictionary(v => v.Id, v => v.ShortName);
        return JsonAnswer.Of(rows.OrderBy(r => r.On).ThenBy(r => r.FromTreaty).Select(r => TreatyLinkResponse.From(r, id, shortNames)).ToList()).AsResult();
    }
}
