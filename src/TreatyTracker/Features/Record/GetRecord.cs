using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.States;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;

namespace TreatyTracker.Features.Record;

/// <summary>One event as recorded: a new fact, a retraction (<c>Event.eventId</c> names its target) or a consequence the server recorded.</summary>
public sealed record RecordEntry(Guid EventId, string TreatyId, string ShortName, long Version, string Type, DateOnly On, DateTimeOffset RecordedAt,
    string? RecordedBy, IReadOnlyList<string> States, TreatyEvent Event)
{
    public static RecordEntry Of(RecordEntryRow row) =>
        new(row.Id, row.TreatyId, row.ShortName, row.Version, row.Type, row.Event.On, row.RecordedAt, row.RecordedBy, row.States, row.Event);
}

public sealed record RecordPage(DateTimeOffset Since, DateTimeOffset? Until, int Page, int PageSize, IReadOnlyList<RecordEntry> Entries) : CitedAnswer
{
    /// <summary>Cited with <c>until</c> fixed at the newest instant answered (<c>since</c> when nothing was new), even when an
    /// <c>until</c> was asked: one still to come would let later events into the permalink's answer.</summary>
    public RecordPage Cited(string origin, string? treaty, string? state, DateTimeOffset recordedThrough)
    {
        var about = (treaty, state) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $" in {treaty} concerning {state}",
            ({ Length: > 0 }, _) => $" in {treaty}",
            (_, { Length: > 0 }) => $" concerning {state}",
            _ => ""
        };
        return this.Cite(origin, "/api/record", $"events recorded{about} after {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (page {Page})", recordedThrough,
            ("since", Citing.Instant(Since)), ("until", Citing.Instant(recordedThrough)), ("treaty", treaty), ("state", state),
            ("page", $"{Page}"), ("pageSize", $"{PageSize}"));
    }
}

public static class GetRecordEndpoint
{
    /// <summary>
    /// What is new in the record: every event recorded after <c>since</c> (and up to <c>until</c>), across treaties or for one
    /// treaty or one state (by any of its names), newest first, a page at a time.
    /// </summary>
    [WolverineGet("/api/record", Name = "GetRecord")]
    [EndpointSummary("What is new in the record since an instant")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<RecordPage>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? since, string? until, string? treaty, string? state, string? page, string? pageSize,
        HttpRequest request, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var after = QueryValues.Instant("since", since, errors);
        var upTo = QueryValues.Instant("until", until, errors);
        if (since is null) errors.Add("since", "is required: the instant of the last briefing, such as 2026-11-01T00:00:00Z");
        if (after is not null && upTo is not null && upTo < after) errors.Add("until", $"is before since ({after:O})");
        var paging = QueryValues.Page(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var from = after!.Value;
        var names = string.IsNullOrWhiteSpace(state) ? null : await StateNamesRow.AllNamesOfAsync(session, state, cancellation);
        var query = new RecordQuery(from, upTo, treaty, names);
        var rows = await query.ReadAsync(session, paging.Skip, paging.Size, cancellation);
        var newest = paging.Skip == 0 ? rows.FirstOrDefault() : (await query.ReadAsync(session, 0, 1, cancellation)).FirstOrDefault();
        return JsonAnswer.Of(new RecordPage(from, upTo, paging.Number, paging.Size, rows.Select(RecordEntry.Of).ToList())
            .Cited(Citing.Origin(request), treaty, state, newest?.RecordedAt ?? from)).AsResult();
    }
}
