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
        // Larger pages than Marten's default: fewer queries per event when the read models are replayed (the benchmark's rebuild).
        Options.BatchSize = 2000;
        Version = (uint)(1 + models.Sum(m => m.Version - 1));
        IncludeType<TreatyRegistered>();
        foreach (var type in TreatyEventTypes.Types) IncludeType(type);
        foreach (var rows in models.Select(m => m.RowType).OfType<Type>()) Options.DeleteViewTypeOnTeardown(rows);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var byTreaty = events.Where(e => e.StreamKey is not null && e.Data is TreatyRegistered or TreatyEvent).GroupBy(e => e.StreamKey!).ToList();
        if (byTreaty.Count == 0) return;

        // A treaty whose stream begins in this page has it whole here, through the page's end; the others' streams are
        // read as committed (which may hold later events too: the next page derives the same rows from them), in the same
        // round trip as every model's stored rows.
        var batch = operations.CreateBatchQuery();
        var treatyIds = byTreaty.Select(treaty => treaty.Key).ToArray();
        var begunBefore = byTreaty.Where(treaty => !BeginsHere(treaty)).ToDictionary(treaty => treaty.Key, treaty => batch.Events.FetchStream(treaty.Key));
        var updates = _models.Select(model => model.Prepare(batch, treatyIds)).ToList();
        await batch.Execute(cancellation);

        var streams = new List<IReadOnlyList<IEvent>>();
        foreach (var treaty in byTreaty) streams.Add(begunBefore.TryGetValue(treaty.Key, out var stored) ? await stored : [.. treaty]);
        var records = streams.Select(TreatyRecord.Of).OfType<TreatyRecord>().ToList();
        foreach (var update in updates) await update(operations, records);
    }

    private static bool BeginsHere(IEnumerable<IEvent> events) => events.Select((e, i) => e.Version == i + 1).All(consecutive => consecutive);
}

