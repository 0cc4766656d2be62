using System.Linq.Expressions;
using System.Text.Json;
using Marten;
using Marten.Services.BatchQuerying;

namespace TreatyTracker.Store.ReadModels;

/// <summary>
/// A read model kept as rows of one document type, each belonging to one treaty and derived from that treaty's whole
/// record by a pure function of the slice that owns it. Only the rows that differ from the stored ones are written, and
/// the stored rows a record no longer derives are deleted: most events change few rows.
/// </summary>
public abstract class ReadModel<TRow> : IReadModel where TRow : class
{
    public virtual uint Version => 1;

    public Type RowType => typeof(TRow);

    /// <summary>The rows one treaty's record derives.</summary>
    public abstract IEnumerable<TRow> RowsOf(TreatyRecord record);

    /// <summary>The stored rows of these treaties.</summary>
    protected abstract Expression<Func<TRow, bool>> OfTreaties(string[] treatyIds);

    /// <summary>A row's identity.</summary>
    protected abstract object IdOf(TRow row);

    /// <summary>Registers the row type and the columns its questions read by (indexes); the type alone by default.</summary>
    public virtual void Configure(StoreOptions options) => options.Schema.For<TRow>();

    public ReadModelUpdate Prepare(IBatchedQuery stored, string[] treatyIds)
    {
        var rows = stored.Query<TRow>().Where(OfTreaties(treatyIds)).ToList();
        return async (operations, records) => Update(operations, records, (await rows).ToDictionary(IdOf));
    }

    private void Update(IDocumentOperations operations, IReadOnlyList<TreatyRecord> records, Dictionary<object, TRow> stored)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        var changed = new List<TRow>();
        foreach (var row in records.SelectMany(RowsOf))
        {
            // Compared as Marten stores them, so that a row is rewritten only when what it stores changes.
            if (!stored.Remove(IdOf(row), out var old) || serializer.ToJson(old) != serializer.ToJson(row)) changed.Add(row);
        }
        foreach (var gone in stored.Values) operations.Delete(gone);
        ReadModelWrites.Upsert(operations, changed);
    }

    Type? IReadModel.RowType => RowType;
}
