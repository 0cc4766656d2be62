using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using TreatyTracker.Treaties.GettingHistory;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingAllegations;
using TreatyTracker.Treaties.ListingDeadlines;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties;

/// <summary>
/// Inline, in the transaction of every append: keeps the <see cref="Treaty"/> aggregate and, folded once from
/// its whole record, every read model of the treaty. A backdated event therefore corrects them all at once.
/// </summary>
public partial class TreatyProjection : SingleStreamProjection<Treaty, string>
{
    public override Treaty Evolve(Treaty? snapshot, string id, IEvent @event) =>
        snapshot is null
            ? @event.Data is TreatyRegistered ? Treaty.Empty.Evolve(@event) : null!
            : snapshot.Evolve(@event);

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<Treaty> slice)
    {
        if (slice.Snapshot is { } treaty) WriteReadModels(operations, treaty);
        return ValueTask.CompletedTask;
    }

    /// <summary>Every read model of one treaty, from its aggregate: on each append, and when rebuilding.</summary>
    public static void WriteReadModels(IDocumentOperations operations, Treaty treaty)
    {
        var timeline = StatusFold.Fold(treaty);
        operations.Store(TreatyStatusView.From(treaty, timeline));
        operations.Store(TreatyHistoryView.From(treaty, timeline));
        Replace(operations, treaty.Id, StatusSegment.Cut(treaty, timeline).ToArray());
        Replace(operations, treaty.Id, timeline.Allegations.Select(a => AllegationRow.From(treaty.Id, a)).ToArray());
        Replace(operations, treaty.Id, timeline.Deadlines.Select(d => DeadlineRow.From(treaty, d)).ToArray());
    }

    /// <summary>The document types this projection writes, for a rebuild to clear.</summary>
    public static readonly Type[] ReadModelTypes =
        [typeof(Treaty), typeof(TreatyStatusView), typeof(TreatyHistoryView), typeof(StatusSegment), typeof(AllegationRow), typeof(DeadlineRow)];

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
