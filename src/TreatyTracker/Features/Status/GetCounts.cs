using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;
using Wolverine.Http;

namespace TreatyTracker.Features.Status;

/// <summary>On one day, how many of a treaty's states stood in each party status (by the names the API spells them).</summary>
public sealed record CountsOn(DateOnly On, string TreatyStatus, IReadOnlyDictionary<string, int> Parties);

public sealed record TreatyCounts(string TreatyId, DateOnly From, DateOnly To, string Step, IReadOnlyList<CountsOn> Points) : CitedAnswer
{
    /// <summary>Cited with every bound fixed (the defaults move: the signature with the record, tomorrow with the clock).</summary>
    public TreatyCounts Cited(string origin, string shortName, DateTimeOffset recordedThrough) =>
        this.Cite(origin, $"/api/treaties/{Uri.EscapeDataString(TreatyId)}/counts",
            $"parties of the {shortName} by status, {Citing.Day(From)} to {Citing.Day(To)} every {Step}", recordedThrough,
            ("from", Citing.Day(From)), ("to", Citing.Day(To)), ("step", Step), ("recordedAt", Citing.Instant(recordedThrough)));
}

public static class GetCountsEndpoint
{
    public const int MaxPoints = 1000;

    /// <summary>
    /// The number of parties in each status on each day from <c>from</c> (default: the treaty's signature) before <c>to</c>
    /// (default: the day after today), every <c>step</c> (an ISO-8601 period, default P1Y).
    /// </summary>
    [WolverineGet("/api/treaties/{id}/counts", Name = "GetCounts")]
    [EndpointSummary("How many parties stood in each status, day by day")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<TreatyCounts>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, string? from, string? to, string? step, string? recordedAt, HttpRequest request, IQuerySession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var instant = QueryValues.Instant("recordedAt", recordedAt, errors);
        var start = QueryValues.Date("from", from, errors);
        var end = QueryValues.Date("to", to, errors);
        QueryValues.Window(start, end, errors);
        var period = IsoPeriod.Parse("P1Y");
        if (step is not null && (!IsoPeriod.TryParse(step, out period) || period.TryAddTo(new DateOnly(2000, 1, 1)) is not { } next || next <= new DateOnly(2000, 1, 1)))
            errors.Add("step", $"'{step}' is not a positive ISO-8601 period such as P1Y, P6M or P30D");
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var tomorrow = Today.From(clock).AddDays(1);
        var origin = Citing.Origin(request);
        async Task<TaggedAnswer?> Read()
        {
            var view = instant is { } then
                ? StatusAsOf.ViewOf(StatusAsOf.KnownAt(await session.Events.FetchStreamAsync(id, token: cancellation), then))
                : await session.LoadAsync<TreatyStatusView>(id, cancellation);
            if (view is null) return null;
            var first = start ?? view.Timeline.Treaty.FirstOrDefault(i => i.From is not null)?.From ?? tomorrow;
            var points = new List<CountsOn>();
            for (var day = first; day < (end ?? tomorrow) && points.Count < MaxPoints; day = period.TryAddTo(day) ?? DateOnly.MaxValue)
            {
                var snapshot = view.Timeline.On(day);
                points.Add(new CountsOn(day, StatusNames.Of(snapshot.Status),
                    snapshot.Parties.GroupBy(p => StatusNames.Of(p.Status)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())));
            }
            return JsonAnswer.Of(new TreatyCounts(id, first, end ?? tomorrow, period.ToString(), points)
                .Cited(origin, view.ShortName, view.RecordedThrough));
        }
        var answer = await Read();
        return answer?.AsResult() ?? Problems.TreatyNotFound(id).AsResult();
    }
}
