using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingAllegations;
using TreatyTracker.Treaties.ListingDeadlines;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties;

/// <summary>
/// How a treaty's stream folds into the <see cref="Treaty"/> aggregate (live, for commands) and into its read
/// models (inline, through <see cref="TreatyReadModels"/>, and when rebuilding).
/// </summary>
public partial class TreatyProjection : SingleStreamProjection<Treaty, string>
{
    public override ValueTask<Treaty?> EvolveAsync(Treaty? snapshot, string id, IQuerySession session, IEvent @event, CancellationToken cancellation)
    {
        var evolved = snapshot is null
            ? @event.Data is TreatyRegistered ? Treaty.Empty.Evolve(@event) : null
            : snapshot.Evolve(@event);
        if (evolved is not null) FoldedInSession.Remember(session, evolved);
        return ValueTask.FromResult(evolved);
    }

    public static Treaty? Fold(IEnumerable<IEvent> stream)
    {
        Treaty? treaty = null;
        foreach (var e in stream)
            treaty = treaty is null
                ? e.Data is TreatyRegistered ? Treaty.Empty.Evolve(e) : null
                : treaty.Evolve(e);
        return treaty;
    }

    /// <summary>The read models that follow from a treaty's whole record (all but the allegation rows).</summary>
    public static (TreatyStatusView Status, StatusSegment[] Segments, DeadlineRow[] Deadlines) ReadModelsOf(Treaty treaty, string? lastSummary)
    {
        var timeline = StatusFold.Fold(treaty);
        return (TreatyStatusView.From(treaty, timeline, lastSummary), StatusSegment.Cut(treaty, timeline).ToArray(),
            timeline.Deadlines.Select(d => DeadlineRow.From(treaty, d)).ToArray());
    }

    /// <summary>
    /// Every read model of one treaty, after an append: those derived from the whole record are rebuilt whole,
    /// since a backdated fact can change any of them; allegation rows, which carry the allegation's own text,
    /// follow their events one by one.
    /// </summary>
    public static void WriteReadModels(IDocumentOperations operations, Treaty treaty, IEnumerable<IEvent> appended)
    {
        var events = appended.ToList();
        var (status, segments, deadlines) = ReadModelsOf(treaty, events.Select(e => e.Data).OfType<TreatyEvent>().LastOrDefault()?.Summary);
        operations.Store(status);
        Replace(operations, treaty.Id, segments);
        Replace(operations, treaty.Id, deadlines);
        foreach (var e in events)
        {
            if (e.Data is ViolationAlleged alleged) operations.Store(AllegationRow.From(treaty.Id, e.Id, alleged));
            if (e.Data is EventRetracted retracted) operations.Delete<AllegationRow>(retracted.EventId);
        }
    }

    /// <summary>The document types the read models are kept in, for a rebuild to clear.</summary>
    public static readonly Type[] ReadModelTypes =
        [typeof(TreatyStatusView), typeof(StatusSegment), typeof(AllegationRow), typeof(DeadlineRow)];

    /// <summary>Rows derived from a treaty are rebuilt whole: a backdated fact can change any of them.</summary>
    private static void Replace<TRow>(IDocumentOperations operations, string treatyId, TRow[] rows) where TRow : ITreatyRow
    {
        operations.DeleteWhere<TRow>(r => r.TreatyId == treatyId);
        if (rows.Length > 0) operations.Store(rows);
    }
}

/// <summary>A query row derived from one treaty's record.</summary>
public interface ITreatyRow
{
    string TreatyId { get; }
}
