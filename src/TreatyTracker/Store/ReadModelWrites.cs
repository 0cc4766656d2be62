using System.Data.Common;
using Marten;
using Weasel.Core;
using Weasel.Storage;
using IStorageOperation = Weasel.Storage.IStorageOperation;

namespace TreatyTracker.Store;

/// <summary>
/// Queues Marten's own upsert of each read-model row, but not through <c>Store</c>: before queuing a document,
/// <c>Store</c> looks through every operation already queued for an earlier one on the same document, so a save
/// of n rows costs n², and an import's save queues thousands (it was most of an import's projection time).
/// The read models never queue one row twice in a save, and an upsert followed by a delete of the same row
/// still runs in that order.
/// </summary>
public static class ReadModelWrites
{
    public static void Upsert<T>(IDocumentOperations operations, IEnumerable<T> rows) where T : notnull
    {
        var session = (IStorageSession)operations;
        var storage = session.StorageFor<T>();
        foreach (var row in rows) operations.QueueOperation(new Queued(storage.Upsert(row, session, session.TenantId)));
    }

    /// <summary>The same operation, minus the document identity that <c>Store</c>'s look-back keys on.</summary>
    private sealed class Queued(IStorageOperation upsert) : IStorageOperation
    {
        public Type DocumentType => upsert.DocumentType;
        public OperationRole Role() => upsert.Role();
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session) => upsert.ConfigureCommand(builder, session);

        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) =>
            upsert.PostprocessAsync(reader, exceptions, token);
    }
}
