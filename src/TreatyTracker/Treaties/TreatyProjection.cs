using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingAllegations;
using TreatyTracker.Treaties.ListingDeadlines;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties;

/// <summary>
/// How a treaty's stream folds into the <see cref="Treaty"/> aggregate and into its read models (inline, through
/// <see cref="TreatyReadModels"/>, and when rebuilding). Commands fetch the aggregate through
/// <see cref="FetchingForWriting.TreatyFetchPlan"/>, which folds with <see cref="Fold"/>; the projection stays
/// registered (live) because Marten's schema for the treaty's stream and aggregate is built from it.
/// </summary>
public partial class TreatyProjection : SingleStreamProjection<Treaty, string>
{
    public override ValueTask<Treaty?> EvolveAsync(Treaty? snapshot, string id, IQuerySession session, IEvent @event, CancellationToken cancellation) =>
        ValueTask.FromResult(FoldOne(snapshot, @event));

    public static Treaty? Fold(IEnumerable<IEvent> stream) => stream.Aggregate((Treaty?)null, FoldOne);

    /// <summary>A stream's events before its registration fold into nothing.</summary>
    private static Treaty? FoldOne(Treaty? treaty, IEvent @event) =>
        treaty is null
            ? @event.Data is TreatyRegistered ? Treaty.Empty.Evolve(@event) : null
            : treaty.Evolve(@event);

    /// <summary>The read models that follow from a treaty's whole record (all but the allegation rows).</summary>
    public static (TreatyStatusView Status, StatusSegment[] Segments, DeadlineRow[] Deadlines) ReadModelsOf(Treaty treaty, string? lastSummary)
    {
        var (segments, deadlines) = RowsOf(treaty);
        return (TreatyStatusView.From(treaty, StatusFold.Fold(treaty), lastSummary), segments, deadlines);
    }

    /// <summary>The rows, keyed by what they describe, that follow from a treaty's whole record.</summary>
    private static (StatusSegment[] Segments, DeadlineRow[] Deadlines) RowsOf(Treaty treaty)
    {
        var timeline = StatusFold.Fold(treaty);
        return (StatusSegment.Cut(treaty, timeline).ToArray(), timeline.Deadlines.Select(d => DeadlineRow.From(treaty, d)).ToArray());
    }

    /// <summary>
    /// Every read model of one treaty, after an append. Those derived from the whole record are derived again,
    /// since a backdated fact can change any of them, but only the rows that differ from the ones derived before
    /// the append are written: most events change few of them. Allegation rows, which carry the allegation's own
    /// text, follow their events one by one.
    /// </summary>
    /// <param name="before">The treaty before the append; null when the append registers it.</param>
    public static void WriteReadModels(IDocumentOperations operations, Treaty? before, Treaty treaty, IEnumerable<IEvent> appended)
    {
        var events = appended.ToList();
        // Usually the fold carries on from the one before the append instead of folding the whole record again.
        if (before is not null) StatusFold.FoldAfter(before, treaty);
        var (status, segments, deadlines) = ReadModelsOf(treaty, events.Select(e => e.Data).OfType<TreatyEvent>().LastOrDefault()?.Summary);
        var (segmentsBefore, deadlinesBefore) = before is null ? ([], []) : RowsOf(before);
        ReadModelWrites.Upsert(operations, [status]);
        WriteChanged(operations, segmentsBefore, segments, s => s.Id, SameJson);
        WriteChanged(operations, deadlinesBefore, deadlines, d => d.Id, (a, b) => a == b);
        WriteAllegations(operations, treaty, events);
    }

    /// <summary>
    /// Stores the allegations the append adds and deletes those it retracts. An allegation both added and
    /// retracted by one append (an import can do that) is neither stored nor deleted, and retracting any other
    /// kind of event deletes nothing.
    /// </summary>
    private static void WriteAllegations(IDocumentOperations operations, Treaty treaty, IReadOnlyCollection<IEvent> events)
    {
        ReadModelWrites.Upsert(operations, AllegationRow.Standing(treaty.Id, events));
        var added = events.Where(e => e.Data is ViolationAlleged).Select(e => e.Id).ToHashSet();
        foreach (var retracted in events.Select(e => e.Data).OfType<EventRetracted>())
            if (!added.Contains(retracted.EventId) && treaty.FindFact(retracted.EventId)?.Event is ViolationAlleged)
                operations.Delete<AllegationRow>(retracted.EventId);
    }

    /// <summary>The document types the read models are kept in, for a rebuild to clear.</summary>
    public static readonly Type[] ReadModelTypes =
        [typeof(TreatyStatusView), typeof(StatusSegment), typeof(AllegationRow), typeof(DeadlineRow)];

    /// <summary>Deletes the rows that are gone and stores those that are new or changed; rows are keyed by what they describe.</summary>
    private static void WriteChanged<TRow>(IDocumentOperations operations, TRow[] before, TRow[] after, Func<TRow, string> id, Func<TRow, TRow, bool> same)
        where TRow : notnull
    {
        var previous = before.ToDictionary(id);
        foreach (var gone in previous.Keys.Except(after.Select(id))) operations.Delete<TRow>(gone);
        var changed = after.Where(r => !previous.TryGetValue(id(r), out var old) || !same(old, r)).ToArray();
        ReadModelWrites.Upsert(operations, changed);
    }

    /// <summary>Segments hold lists, which records compare by reference: they are compared by their JSON instead.</summary>
    private static bool SameJson(StatusSegment a, StatusSegment b) =>
        JsonSerializer.SerializeToUtf8Bytes(a).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b));
}
