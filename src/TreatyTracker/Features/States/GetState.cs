using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Status;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Store.ReadModels;
using TreatyTracker.Treaties;
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
        var view = query!.RecordedAt is { } instant
            ? await AsRecordedAsync(session, name, names, query.AsOf, instant, cancellation)
            : await StateViewQuery.NowAsync(session, name, names, query.AsOf, cancellation);
        return view.Treaties.Count == 0
            ? Problems.StateNotFound(name, query.RecordedAt).AsResult()
            : JsonAnswer.Of(view.Cited(Citing.Origin(request))).AsResult();
    }

    /// <summary>Folds each of the state's treaties as it was recorded by <paramref name="recordedAt"/> (rare, for audit).</summary>
    private static async Task<StateView> AsRecordedAsync(IQuerySession session, string name, string[] names, DateOnly asOf, DateTimeOffset recordedAt,
        CancellationToken cancellation)
    {
        var treatyIds = await session.Query<StateInTreatyRow>().Where(r => r.Party.IsOneOf(names)).Select(r => r.TreatyId).ToListAsync(cancellation);
        var streams = await TreatyStreams.ReadAsync(session, [.. treatyIds.Distinct()], cancellation);
        var rows = new List<StateInTreatyRow>();
        var allegations = new List<AllegationRow>();
        var through = DateTimeOffset.UnixEpoch;
        foreach (var stream in streams.Values)
        {
            var known = StatusAsOf.KnownAt(stream, recordedAt);
            if (TreatyAggregation.Aggregate(known) is not { } treaty) continue;
            if (Treaty.AsStored(known[^1].Timestamp) > through) through = Treaty.AsStored(known[^1].Timestamp);
            var taking = StateInTreatyRow.Of(treaty).Where(r => names.Contains(r.Party)).ToList();
            if (taking.Count == 0) continue;
            rows.AddRange(taking);
            allegations.AddRange(AllegationRow.Standing(treaty.Id, TreatyAggregation.FactsOf(known))
                .Where(a => a.On <= asOf && (names.Contains(a.Accuser) || names.Contains(a.Accused))));
        }
        return StateView.From(name, names, asOf, recordedAt, rows, allegations) with { RecordedThrough = through };
    }
}
