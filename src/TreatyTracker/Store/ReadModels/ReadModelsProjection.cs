using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using TreatyTracker.Treaties;

namespace TreatyTracker.Store.ReadModels;

/// <summary>
/// The one Marten projection that keeps every read model: for each page of events, the whole records of the treaties
/// they belong to, each folded once, handed to every registered model. Run by the async daemon (so a write only decides
/// and appends), rebuilt by Marten's rebuild (<c>projections rebuild</c>), and replayed whole when its version, the sum of
/// its models', rises.
/// </summary>
public sealed class ReadModelsProjection : ProjectionBase, IProjection
{
    public const string ProjectionName = "ReadModels";

    private readonly IReadOnlyList<IReadModel> _models;

    public ReadModelsProjection(IReadOnlyList<IReadModel> models)
    {
        _models = models;
        Name = ProjectionName;
        Version = (uint)(1 + models.Sum(m => m.Version - 1));
        IncludeType<TreatyRegistered>();
        foreach (var type in TreatyEventTypes.Types) IncludeType(type);
        foreach (var rows in models.Select(m => m.RowType).OfType<Type>()) Options.DeleteViewTypeOnTeardown(rows);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var treatyIds = events.Where(e => e.StreamKey is not null && e.Data is TreatyRegistered or TreatyEvent)
            .Select(e => e.StreamKey!).Distinct().ToArray();
        if (treatyIds.Length == 0) return;

        // The streams as committed: in the daemon they hold these events (and maybe later ones, which the next page
        // derives the same rows from); inline, the events being appended are not committed yet and are added to them.
        var streams = await TreatyStreams.ReadAsync(operations, treatyIds, cancellation);
        foreach (var pending in events.Where(e => e.Sequence == 0 && e.StreamKey is not null).GroupBy(e => e.StreamKey!))
        {
            if (!streams.TryGetValue(pending.Key, out var stream)) streams[pending.Key] = stream = [];
            stream.AddRange(pending.Where(e => !stream.Any(stored => stored.Id == e.Id)));
        }

        var records = streams.Values.Select(TreatyRecord.Of).OfType<TreatyRecord>().ToList();
        foreach (var model in _models) await model.UpdateAsync(operations, records, cancellation);
    }
}
