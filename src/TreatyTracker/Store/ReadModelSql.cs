using Marten;
using Npgsql;

namespace TreatyTracker.Store;

/// <summary>
/// Plain SQL over the read models' tables, for the few questions Marten's LINQ cannot put in one statement (counts by key,
/// a pick per group, a join). The rows' <c>data</c> still goes through Marten's serializer.
/// </summary>
public static class ReadModelSql
{
    public static string Table<T>(IDocumentStore store) => Table(store, typeof(T));

    public static string Table(IDocumentStore store, Type document) => store.Options.FindOrResolveDocumentType(document).TableName.QualifiedName;

    /// <summary>An open connection, once the tables of <paramref name="documents"/> exist (Marten creates them as it goes outside Production).</summary>
    public static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellation, params Type[] documents)
    {
        foreach (var document in documents) await store.Storage.Database.EnsureStorageExistsAsync(document, cancellation);
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }
}
