using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using TreatyTracker.Treaties.GettingHistory;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties;

/// <summary>
/// Inline, in the transaction of every append: keeps the <see cref="Treaty"/> aggregate and, folded once from
/// its whole record, the current-status and history views. A backdated event therefore corrects both views
/// at once.
/// </summary>
public partial class TreatyProjection : SingleStreamProjection<Treaty, string>
{
    public override Treaty Evolve(Treaty? snapshot, string id, IEvent @event) =>
        snapshot is null
            ? @event.Data is TreatyRegistered registered ? Treaty.Register(registered) : null!
            : snapshot.Evolve(@event);

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<Treaty> slice)
    {
        if (slice.Snapshot is { } treaty)
        {
            var timeline = StatusFold.Fold(treaty);
            operations.Store(TreatyStatusView.From(treaty, timeline));
            operations.Store(TreatyHistoryView.From(treaty, timeline));
        }
        return ValueTask.CompletedTask;
    }
}
