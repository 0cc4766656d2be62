using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace TreatyTracker.Treaties;

/// <summary>
/// Reads many whole treaty streams in one query straight from Marten's events table, for a rebuild and for an
/// import's existing treaties. Marten's own event reader costs about 25 µs an event (most of a rebuild) and reads
/// one stream per round trip; here each row's data goes through Marten's serializer, typed by the .NET type Marten
/// stored with it, so no event type is mapped a second time.
/// </summary>
public static class StoredStreams
{
    private static readonly ConcurrentDictionary<string, (Type Type, Func<object, IEvent> Wrap)> Types = new();

    public static async Task<Dictionary<string, List<IEvent>>> ReadAsync(IDocumentStore store, string[] streamIds, CancellationToken cancellation)
    {
        // Where Marten creates its schema as it goes, the events table may not exist before the first append.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);
        var serializer = store.Options.Serializer();
        var streams = new Dictionary<string, List<IEvent>>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var query = new NpgsqlCommand(
            $"select stream_id, id, version, timestamp, mt_dotnet_type, data from {store.Options.Events.DatabaseSchemaName}.mt_events " +
            "where stream_id = any($1) and is_archived = false order by seq_id", connection) { CommandTimeout = 600 };
        query.Parameters.Add(new NpgsqlParameter { Value = streamIds });
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var (type, wrap) = Types.GetOrAdd(reader.GetString(4), TypeNamed);
            var stored = wrap(serializer.FromJson(type, reader, 5));
            stored.StreamKey = reader.GetString(0);
            stored.Id = reader.GetGuid(1);
            stored.Version = reader.GetInt64(2);
            stored.Timestamp = reader.GetFieldValue<DateTimeOffset>(3);
            if (!streams.TryGetValue(stored.StreamKey, out var stream)) streams[stored.StreamKey] = stream = [];
            stream.Add(stored);
        }
        return streams;
    }

    private static (Type, Func<object, IEvent>) TypeNamed(string dotnetType)
    {
        var type = Type.GetType(dotnetType) ?? throw new InvalidOperationException($"The event type '{dotnetType}' stored in the events table is unknown.");
        return (type, EventWrapping.For(type));
    }
}
