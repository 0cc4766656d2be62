using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace TreatyTracker.Treaties;

/// <summary>
/// Inline, in the transaction of every append: for each treaty appended to, folds its whole stream — what was
/// committed before plus what is being appended — and writes its read models. A backdated event therefore
/// corrects them at once. The treaty aggregate itself is not stored: commands fold it live from the stream,
/// so no document grows with the record; when the command's session folded it, that fold is carried on
/// rather than the stream read again.
/// </summary>
public sealed class TreatyReadModels : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var appended in events.Where(e => e.StreamKey is not null).GroupBy(e => e.StreamKey!))
        {
            var before = FoldedInSession.Recall(operations, appended.Key, appended.First().Version - 1);
            var treaty = before is not null
                ? appended.Aggregate(before, (folded, e) => folded.Evolve(e))
                : TreatyProjection.Fold((await operations.Events.FetchStreamAsync(appended.Key, token: cancellation)).Concat(appended));
            if (treaty is not null) TreatyProjection.WriteReadModels(operations, treaty, appended, before);
        }
    }
}
