using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Features.Periods;
using TreatyTracker.Features.Status;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Wolverine.Http;

namespace TreatyTracker.Features.States;

public static class GetStateEndpoint
{
    /// <summary>
    /// Every treaty a state has taken part in (asked by any of its names), where it stood in each on <c>asOf</c> (default
    /// today) as recorded by <c>recordedAt</c> (default now), the next deadline in each, and its allegations by and against.
    /// </summary>
    [WolverineGet("/api/states/{name}", Name = "GetState")]
    [EndpointSummary("A state's treaties and standing on a date")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<StateView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string name, string? asOf, string? recordedAt, HttpRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (query, problem) = StatusAsOf.Read(asOf, recordedAt, clock);
        if (problem is not null) return problem.AsResult();

        var names = await StateNamesRow.AllNamesOfAsync(session, name, cancellation);
        var current = await session.Query<StatusIntervalRow>().Where(i => i.Party.IsOneOf(names)).ToListAsync(cancellation);
        var treatyIds = current.Select(i => i.TreatyId).Distinct().ToArray();

        var view = query!.RecordedAt is { } instant
            ? await AsRecordedAsync(session, name, names, query.AsOf, instant, treatyIds, cancellation)
            : await NowAsync(session, name, names, query.AsOf, current, treatyIds, cancellation);
        return view.Treaties.Count == 0
            ? Problems.StateNotFound(name, query.RecordedAt).AsResult()
            : JsonAnswer.Of(view.Cited(Citing.Origin(request))).AsResult();
    }

    private static async Task<StateView> NowAsync(IQuerySession session, string name, string[] names, DateOnly asOf,
        IReadOnlyList<StatusIntervalRow> intervals, string[] treatyIds, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var treaties = batch.Query<StatusIntervalRow>().Where(i => i.TreatyId.IsOneOf(treatyIds) && i.Party == null && i.From <= asOf && i.To > asOf).ToList();
        var deadlines = batch.Query<DeadlineRow>().Where(d => d.TreatyId.IsOneOf(treatyIds) && d.On > asOf).ToList();
        var allegations = batch.Query<AllegationRow>().Where(a => (a.Accuser.IsOneOf(names) || a.Accused.IsOneOf(names)) && a.On <= asOf).ToList();
        var through = StatusAsOf.RecordedThrough(batch, treatyIds);
        await batch.Execute(cancellation);
        return StateView.From(name, names, asOf, null, [.. intervals, .. await treaties], Next(await deadlines),
            (await allegations).OrderByDescending(a => a.On).ThenBy(a => a.TreatyId).Select(AllegationResponse.From).ToList())
            with { RecordedThrough = (await through).Values.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max() };
    }

    /// <summary>Folds each of the state's treaties as it was recorded by <paramref name="recordedAt"/> (rare, for audit).</summary>
    private static async Task<StateView> AsRecordedAsync(IQuerySession session, string name, string[] names, DateOnly asOf, DateTimeOffset recordedAt,
        string[] treatyIds, CancellationToken cancellation)
    {
        var streams = await StoredStreams.ReadAsync(session.DocumentStore, treatyIds, cancellation);
        var intervals = new List<StatusIntervalRow>();
        var deadlines = new List<DeadlineRow>();
        var allegations = new List<AllegationRow>();
        var through = DateTimeOffset.UnixEpoch;
        foreach (var stream in streams.Values)
        {
            var known = StatusAsOf.KnownAt(stream, recordedAt);
            if (TreatyAggregation.Aggregate(known) is not { } treaty) continue;
            if (Treaty.AsStored(known[^1].Timestamp) > through) through = Treaty.AsStored(known[^1].Timestamp);
            var taking = StatusIntervalRow.Of(treaty).Where(i => i.Party is null || names.Contains(i.Party)).ToList();
            if (!taking.Any(i => i.Party is not null)) continue;
            intervals.AddRange(taking);
            deadlines.AddRange(treaty.Timeline.Deadlines.Where(d => d.On > asOf).Select(d => DeadlineRow.From(treaty, d)));
            allegations.AddRange(AllegationRow.Standing(treaty.Id, TreatyAggregation.FactsOf(known))
                .Where(a => a.On <= asOf && (names.Contains(a.Accuser) || names.Contains(a.Accused))));
        }
        return StateView.From(name, names, asOf, recordedAt, intervals, Next(deadlines),
            allegations.OrderByDescending(a => a.On).ThenBy(a => a.TreatyId).Select(AllegationResponse.From).ToList()) with { RecordedThrough = through };
    }

    /// <summary>Per treaty, its first deadline after the day, whoever it concerns: another party's withdrawal can end the treaty.</summary>
    private static Dictionary<string, Deadline> Next(IEnumerable<DeadlineRow> deadlines) => deadlines
        .GroupBy(d => d.TreatyId)
        .ToDictionary(g => g.Key, g => g.OrderBy(d => d.On).Select(d => new Deadline(d.On, d.Kind, d.Party, d.CausedBy)).First());
}
