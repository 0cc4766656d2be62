using Marten;
using Marten.Services.BatchQuerying;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Status;

/// <summary>A treaty and its parties on <c>AsOf</c>, according to what had been recorded by <c>RecordedAt</c> (null: now).</summary>
public sealed record StatusAsOfResponse(
    string TreatyId,
    string Name,
    string ShortName,
    DateOnly AsOf,
    DateTimeOffset? RecordedAt,
    TreatyStatus Status,
    DateOnly? Since,
    IReadOnlyList<PartySnapshot> Parties,
    DateOnly? ExpiresOn,
    IReadOnlyList<AllegationResponse> Allegations,
    IReadOnlyList<Deadline> PendingDeadlines) : CitedAnswer
{
    public DateCertainty? SinceCertainty { get; init; }

    /// <summary>The treaty that replaced this one, once it has been superseded.</summary>
    public string? SupersededBy { get; init; }

    public IReadOnlyList<ObjectionEntry> Objections { get; init; } = [];

    /// <summary>This treaty's relations to others stated by its record up to <c>AsOf</c>; both directions: <c>/api/treaties/{id}/links</c>.</summary>
    public IReadOnlyList<LinkEntry> Links { get; init; } = [];

    /// <summary>Which states the record follows: when only some, the parties listed are not the treaty's whole table.</summary>
    public RecordScope Scope { get; init; } = RecordScope.Of(null);

    /// <summary>Cited with both times fixed: <c>recordedAt</c> the instant the record answered through.</summary>
    public StatusAsOfResponse Cited(string origin) =>
        this.Cite(origin, $"/api/treaties/{Uri.EscapeDataString(TreatyId)}/status", $"status of the {ShortName} on {Citing.Day(AsOf)}", RecordedThrough,
            ("asOf", Citing.Day(AsOf)), ("recordedAt", Citing.Instant(RecordedThrough)));

    public static StatusAsOfResponse From(string treatyId, string name, string shortName, DateOnly asOf, DateTimeOffset? recordedAt,
        TreatySnapshot snapshot, IEnumerable<AllegationRow> allegations, DateTimeOffset recordedThrough) =>
        new(treatyId, name, shortName, asOf, recordedAt, snapshot.Status, snapshot.Since, snapshot.Parties, snapshot.ExpiresOn,
            allegations.Where(a => a.TreatyId == treatyId && a.On <= asOf).OrderByDescending(a => a.On).Select(AllegationResponse.From).ToList(),
            snapshot.PendingDeadlines)
        {
            SinceCertainty = snapshot.SinceCertainty, SupersededBy = snapshot.SupersededBy, Objections = snapshot.Objections, Links = snapshot.Links,
            Scope = snapshot.Scope, RecordedThrough = recordedThrough
        };
}

/// <summary>The two ways to answer "what was the state on a date": from the persisted segments, or — for record
/// time — by folding the facts recorded by then (rare, for audit).</summary>
public static class StatusAsOf
{
    public sealed record Query(DateOnly AsOf, DateTimeOffset? RecordedAt);

    public static (Query? Query, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem) Read(string? asOf, string? recordedAt, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var day = QueryValues.Date("asOf", asOf, errors) ?? Today.From(clock);
        var instant = QueryValues.Instant("recordedAt", recordedAt, errors);
        return errors.Any ? (null, Problems.Invalid("The question cannot be answered", errors.ToDictionary())) : (new Query(day, instant), null);
    }

    /// <summary>A page of every treaty's answer: their segments, then their allegations.</summary>
    public static async Task<IReadOnlyList<StatusAsOfResponse>> FromSegmentsAsync(
        IQuerySession session, DateOnly asOf, int skip, int take, CancellationToken cancellation)
    {
        var segments = await session.Query<StatusSegment>().Where(s => s.From <= asOf && s.To > asOf)
            .OrderBy(s => s.TreatyId).Skip(skip).Take(take).ToListAsync(cancellation);
        if (segments.Count == 0) return [];

        var ids = segments.Select(s => s.TreatyId).ToArray();
        var batch = session.CreateBatchQuery();
        // Grouped once: each answer looking through the whole page's allegations made a page cost treaties².
        var allegations = batch.Query<AllegationRow>().Where(a => ids.Contains(a.TreatyId) && a.On <= asOf).ToList();
        var through = RecordedThrough(batch, ids);
        await batch.Execute(cancellation);
        var byTreaty = (await allegations).ToLookup(a => a.TreatyId);
        var recorded = await through;
        return segments.Select(s => Answer(s, asOf, byTreaty[s.TreatyId], recorded[s.TreatyId])).ToList();
    }

    /// <summary>One treaty's answer: its segment and its allegations in one round trip; null for an unknown treaty.</summary>
    public static async Task<StatusAsOfResponse?> OfTreatyFromSegmentsAsync(IQuerySession session, DateOnly asOf, string treatyId, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var segments = batch.Query<StatusSegment>().Where(s => s.TreatyId == treatyId && s.From <= asOf && s.To > asOf).ToList();
        var allegations = batch.Query<AllegationRow>().Where(a => a.TreatyId == treatyId && a.On <= asOf).ToList();
        var through = RecordedThrough(batch, [treatyId]);
        await batch.Execute(cancellation);
        return (await segments).FirstOrDefault() is { } segment && (await through).TryGetValue(treatyId, out var recorded)
            ? Answer(segment, asOf, await allegations, recorded)
            : null;
    }

    /// <summary>When the record's last event was recorded, across every treaty (the epoch for an empty record).</summary>
    public static async Task<DateTimeOffset> LatestRecordedAsync(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<TreatyStatusView>().OrderByDescending(v => v.RecordedThrough).Select(v => v.RecordedThrough).FirstOrDefaultAsync(cancellation) is var last
        && last != default ? last : DateTimeOffset.UnixEpoch;

    /// <summary>When each treaty's last event was recorded (its registration, before any).</summary>
    public static async Task<Dictionary<string, DateTimeOffset>> RecordedThrough(IBatchedQuery batch, string[] ids)
    {
        var views = batch.Query<TreatyStatusView>().Where(v => v.Id.IsOneOf(ids)).Select(v => new { v.Id, v.RecordedThrough }).ToList();
        return (await views).ToDictionary(v => v.Id, v => v.RecordedThrough);
    }

    private static StatusAsOfResponse Answer(StatusSegment segment, DateOnly asOf, IEnumerable<AllegationRow> allegations, DateTimeOffset recordedThrough) =>
        StatusAsOfResponse.From(segment.TreatyId, segment.TreatyName, segment.TreatyShortName, asOf, null, segment.Snapshot with { AsOf = asOf }, allegations,
            recordedThrough);

    /// <summary>The events of a stream recorded by <paramref name="recordedAt"/>.</summary>
    public static List<JasperFx.Events.IEvent> KnownAt(IEnumerable<JasperFx.Events.IEvent> stream, DateTimeOffset recordedAt) =>
        stream.Where(e => Treaty.AsStored(e.Timestamp) <= recordedAt).ToList();

    /// <summary>The treaty's read model as the events <paramref name="known"/> make it; null before its registration.</summary>
    public static TreatyStatusView? ViewOf(IReadOnlyList<JasperFx.Events.IEvent> known) =>
        TreatyAggregation.Aggregate(known) is { } treaty ? TreatyStatusView.From(treaty, (known[^1].Data as TreatyEvent)?.Summary) : null;

    /// <summary>Folds the treaty's stream as it stood at <paramref name="recordedAt"/>; null if the treaty was not recorded yet.</summary>
    public static StatusAsOfResponse? FromStream(IReadOnlyList<JasperFx.Events.IEvent> stream, DateOnly asOf, DateTimeOffset recordedAt)
    {
        var known = KnownAt(stream, recordedAt);
        if (known.FirstOrDefault()?.Data is not TreatyRegistered registered) return null;

        var facts = TreatyAggregation.FactsOf(known);
        var timeline = StatusFold.Fold(registered.Kind, registered.Term, facts).Timeline;
        var allegations = timeline.Allegations.Select(a => AllegationRow.From(registered.TreatyId, a));
        return StatusAsOfResponse.From(registered.TreatyId, registered.Name, registered.ShortName, asOf, recordedAt, timeline.On(asOf), allegations,
            Treaty.AsStored(known[^1].Timestamp));
    }
}
