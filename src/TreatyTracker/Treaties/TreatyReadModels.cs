using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace TreatyTracker.Treaties;

/// <summary>
/// Inline, in the transaction of every append: for each treaty appended to, folds its whole stream — what was
/// committed before, then what is being appended — and writes the read models that changed. A backdated event
/// therefore corrects them at once. The treaty aggregate itself is not stored: commands fold it live from the
/// stream, so no document grows with the record; when the command's session folded it, that fold is carried
/// on rather than the stream read again.
/// </summary>
public sealed class TreatyReadModels : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var appended in events.Where(e => e.StreamKey is not null).GroupBy(e => e.StreamKey!))
        {
            var committed = appended.First().Version - 1;
            // Null for a treaty this append registers.
            var before = committed == 0 ? null
                : FoldedInSession.Recall(operations, appended.Key, committed)
                  ?? TreatyProjection.Fold(await operations.Events.FetchStreamAsync(appended.Key, token: cancellation));
            var treaty = before is null ? TreatyProjection.Fold(appended) : appended.Aggregate(before, (folded, e) => folded.Evolve(e));
            if (treaty is null) continue;
            TreatyProjection.WriteReadModels(operations, before, treaty, appended);
            // Kept for writing once the commit lands (see KeepCommittedTreaties).
            FoldedInSession.Remember(operations, treaty);
        }
    }
}
