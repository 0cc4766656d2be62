using Marten;
using Marten.Services.BatchQuerying;

namespace TreatyTracker.Store.ReadModels;

/// <summary>
/// Something kept up to date from the treaties' records by <see cref="ReadModelsProjection"/>: the rows of a read model
/// (<see cref="ReadModel{TRow}"/>), or a notice that they moved. Each feature slice registers its own
/// (<see cref="ReadModelRegistration.AddReadModel{TModel}"/>); the store names none of them.
/// </summary>
public interface IReadModel
{
    /// <summary>Raised whenever what the model keeps, or the rules it follows from, change: the projection then replays every record.</summary>
    uint Version { get; }

    /// <summary>The document type its rows are kept in, if any, for Marten's schema and a rebuild to clear.</summary>
    Type? RowType { get; }

    void Configure(StoreOptions options);

    /// <summary>
    /// Asks <paramref name="stored"/> for what the model keeps about these treaties, and returns the step that brings it up
    /// to date with their records once the batch has run: a page's models read what they keep in one round trip.
    /// </summary>
    ReadModelUpdate Prepare(IBatchedQuery stored, string[] treatyIds);
}

/// <summary>Brings a read model up to date with <paramref name="records"/>, the whole records of the treaties that changed.</summary>
public delegate Task ReadModelUpdate(IDocumentOperations operations, IReadOnlyList<TreatyRecord> records);
