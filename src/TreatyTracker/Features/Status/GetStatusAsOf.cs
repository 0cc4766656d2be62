using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using Wolverine.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Status;

public sealed record StatusPage(DateOnly AsOf, DateTimeOffset? RecordedAt, int Page, int PageSize, IReadOnlyList<StatusAsOfResponse> Treaties) : CitedAnswer
{
    /// <summary>Cited with both times fixed: <c>recordedAt</c> the latest instant any treaty was recorded through, not only
    /// those of the page, since a treaty registered later on another page would move this page's treaties along.</summary>
    public StatusPage Cited(string origin, DateTimeOffset recordedThrough) =>
        (this with { Treaties = Treaties.Select(t => t.Cited(origin)).ToList() }).Cite(origin, "/api/status",
            $"every treaty's status on {Citing.Day(AsOf)} (page {Page})", recordedThrough,
            ("asOf", Citing.Day(AsOf)), ("recordedAt", Citing.Instant(recordedThrough)), ("page", $"{Page}"), ("pageSize", $"{PageSize}"));
}

public static class GetStatusAsOfEndpoint
{
    /// <summary>Every treaty on a date, a page at a time, ordered by id.</summary>
    [WolverineGet("/api/status", Name = "GetStatusAsOf")]
    [EndpointSummary("Every treaty's status on a date, a page at a time")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<StatusPage>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? asOf, string? recordedAt, string? page, string? pageSize, HttpRequest request,
        IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var (query, problem) = StatusAsOf.Read(asOf, recordedAt, clock);
        var errors = new FieldErrors();
        var (pageNumber, size) = QueryValues.Page(page, pageSize, errors);
        if (problem is not null) return problem.AsResult();
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var origin = Citing.Origin(request);
        var skip = new QueryValues.Paging(pageNumber, size).Skip;
        if (query!.RecordedAt is not { } instant)
            return JsonAnswer.Of(new StatusPage(query.AsOf, null, pageNumber, size, await StatusAsOf.FromSegmentsAsync(session, query.AsOf, skip, size, cancellation))
                .Cited(origin, await StatusAsOf.LatestRecordedAsync(session, cancellation))).AsResult();

        var ids = await session.Query<TreatyStatusView>().Where(t => t.RegisteredAt <= instant)
            .OrderBy(t => t.Id).Skip(skip).Take(size).Select(t => t.Id).ToListAsync(cancellation);
        var asRecorded = new List<StatusAsOfResponse>();
        foreach (var id in ids)
            if (StatusAsOf.FromStream(await session.Events.FetchStreamAsync(id, token: cancellation), query.AsOf, instant) is { } answer)
                asRecorded.Add(answer);
        // As recorded at a later instant than the record's last, the page is the record as it stands: cite its last instant.
        var latest = await StatusAsOf.LatestRecordedAsync(session, cancellation);
        return JsonAnswer.Of(new StatusPage(query.AsOf, instant, pageNumber, size, asRecorded).Cited(origin, instant < latest ? instant : latest)).AsResult();
    }
}
