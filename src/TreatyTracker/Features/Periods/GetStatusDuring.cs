using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.Record;
using TreatyTracker.Features.States;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;

namespace TreatyTracker.Features.Periods;

/// <summary>A status interval of a treaty (<c>Party</c> null) or of a party that overlaps the period asked; <c>To</c> null while open.</summary>
public sealed record PeriodInterval(string TreatyId, string ShortName, string? Party, string Status, DateOnly From, DateOnly? To, Guid? CausedBy)
{
    public DateCertainty? Certainty { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public IReadOnlyList<string>? Toward { get; init; }
    public IReadOnlyList<Treaties.Rules.PartyName>? Names { get; init; }

    /// <summary>How the party's standing before this one ended, when this one's status does not tell.</summary>
    public Treaties.Rules.StandingEnd? PreviousEndedBy { get; init; }

    public static PeriodInterval Of(StatusIntervalRow row) =>
        new(row.TreatyId, row.TreatyShortName, row.Party, row.Status, row.From, row.To == DateOnly.MaxValue ? null : row.To, row.CausedBy)
        {
            Certainty = row.Certainty, EffectiveOn = row.EffectiveOn, Toward = row.Toward, Names = row.Names, PreviousEndedBy = row.PreviousEndedBy
        };
}

public sealed record PeriodPage(DateOnly From, DateOnly To, string? Status, int Page, int PageSize, IReadOnlyList<PeriodInterval> Intervals) : CitedAnswer
{
    /// <summary>Cited with the period, the filters and the page fixed; the intervals are read from the current record only, so the
    /// permalink cannot fix the record's time yet (there is no <c>recordedAt</c> here).</summary>
    public PeriodPage Cited(string origin, string? treaty, string? state, DateTimeOffset recordedThrough)
    {
        var who = string.Join(" ", new[] { Status ?? "any status", treaty is { Length: > 0 } ? $"in {treaty}" : null, state is { Length: > 0 } ? $"of {state}" : null }
            .Where(part => part is not null));
        return this.Cite(origin, "/api/status/during", $"who held {who} in [{Citing.Day(From)}, {Citing.Day(To)}) (page {Page})", recordedThrough,
            ("from", Citing.Day(From)), ("to", Citing.Day(To)), ("status", Status), ("treaty", treaty), ("state", state),
            ("page", $"{Page}"), ("pageSize", $"{PageSize}"));
    }
}

public static class GetStatusDuringEndpoint
{
    /// <summary>
    /// Which treaties and parties held a status at any time in <c>[from, to)</c>: the intervals that overlap the period,
    /// of one status (or any), one treaty and one state (by any of its names); by treaty, then by start (the treaty's own interval after its parties'
    /// of the same day), a page at a time.
    /// </summary>
    [WolverineGet("/api/status/during", Name = "GetStatusDuring")]
    [EndpointSummary("Who held a status at any time in a period")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<PeriodPage>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? from, string? to, string? status, string? treaty, string? state, string? page, string? pageSize,
        HttpRequest request, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var start = QueryValues.Date("from", from, errors);
        var end = QueryValues.Date("to", to, errors);
        if (from is null) errors.Add("from", "is required (YYYY-MM-DD): the first day of the period");
        if (to is null) errors.Add("to", "is required (YYYY-MM-DD): the day after the period");
        if (start is not null && end is not null && start >= end) errors.Add("to", $"must be after from ({start:yyyy-MM-dd}): the period is [from, to)");
        if (status is not null && !StatusIntervalRow.Statuses.Contains(status))
            errors.Add("status", $"'{status}' is not a status; one of: {string.Join(", ", StatusIntervalRow.Statuses.Order(StringComparer.Ordinal))}");
        var paging = QueryValues.Page(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var (first, after) = (start!.Value, end!.Value);
        var query = session.Query<StatusIntervalRow>().Where(i => i.From < after && i.To > first);
        if (status is not null) query = query.Where(i => i.Status == status);
        if (!string.IsNullOrWhiteSpace(treaty)) query = query.Where(i => i.TreatyId == treaty);
        if (!string.IsNullOrWhiteSpace(state))
        {
            var names = await StateNamesRow.AllNamesOfAsync(session, state, cancellation);
            query = query.Where(i => i.Party.IsOneOf(names));
        }
        var rows = await query.OrderBy(i => i.TreatyId).ThenBy(i => i.From).ThenBy(i => i.Party)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellation);
        var newest = session.Query<RecordEntryRow>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(treaty)) newest = newest.Where(r => r.TreatyId == treaty);
        var through = (await newest.OrderByDescending(r => r.RecordedAt).Take(1).ToListAsync(cancellation)).FirstOrDefault()?.RecordedAt ?? DateTimeOffset.UnixEpoch;
        return JsonAnswer.Of(new PeriodPage(first, after, status, paging.Number, paging.Size, rows.Select(PeriodInterval.Of).ToList())
            .Cited(Citing.Origin(request), treaty, state, through)).AsResult();
    }
}
