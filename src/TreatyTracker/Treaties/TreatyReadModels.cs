using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace TreatyTracker.Treaties;

/// <summary>
/// Inline, in the transaction of every append: for each treaty appended to, folds its whole stream — what was
/// committed before plus what is being appended — and writes its read models. A backdated event therefore
/// corrects them at once. The treaty aggregate itself is not stored: commands fold it live from the stream,
/// so no document grows with the record.
/// </summary>
public sealed class TreatyReadModels : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var appended in events.Where(e => e.StreamKey is not null).GroupBy(e => e.StreamKey!))
        {
            var committed = await operations.Events.FetchStreamAsync(appended.Key, token: cancellation);
            var treaty = TreatyProjection.Fold(committed.Concat(appended));
            if (treaty is not null) TreatyProjection.WriteReadModels(operations, treaty, appended);
        }
    }
}
