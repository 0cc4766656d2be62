using System.Collections.Concurrent;
using System.Data.Common;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Storage;
using TreatyTracker.Store.Kept;
using TreatyTracker.Treaties;

namespace TreatyTracker.Store;

/// <summary>
/// Reads many treaty streams in one query straight from Marten's events table, for a rebuild and for an
/// import's existing treaties. Marten's own event reader costs about 25 µs an event (most of a rebuild) and reads
/// one stream per round trip; here each row's data goes through Marten's serializer, typed by the .NET type Marten
/// stored with it, so no event type is mapped a second time.
/// </summary>
public static class StoredStreams
{
    private static readonly ConcurrentDictionary<string, (Type Type, Func<object, IEvent> Wrap)> Types = new();

    /// <param name="kept">Treaties folded before: of each, only the events from its last one on are read, unless
    /// that event is no longer stored (then its whole stream is; see <see cref="KeptTreaties.Continue"/>).</param>
    public static async Task<Dictionary<string, List<IEvent>>> ReadAsync(IDocumentStore store, string[] streamIds, CancellationToken cancellation,
        IReadOnlyCollection<Treaty>? kept = null)
    {
        // Where Marten creates its schema as it goes, the events table may not exist before the first append.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);
        var serializer = store.Options.Serializer();
        var streams = new Dictionary<string, List<IEvent>>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        kept ??= [];
        // Each stream is read from its kept version on (through the index on stream and version), or from its start when it
        // has none or when the event stored at that version is not the one the kept treaty ended with.
        await using var query = new NpgsqlCommand(
            $"with kept as (select k.stream_id, k.version from unnest($2::varchar[], $3::bigint[], $4::uuid[]) as k(stream_id, version, event_id) " +
            $"join {events} as e on e.stream_id = k.stream_id and e.version = k.version and e.id = k.event_id) " +
            $"select {Columns} from unnest($1::varchar[]) as s(stream_id) left join kept on kept.stream_id = s.stream_id " +
            $"cross join lateral (select * from {events} as e where e.stream_id = s.stream_id and e.version >= coalesce(kept.version, 0) " +
            "and e.is_archived = false) as e order by e.seq_id",
            connection) { CommandTimeout = 600 };
        query.Parameters.Add(new NpgsqlParameter { Value = streamIds });
        query.Parameters.Add(new NpgsqlParameter { Value = kept.Select(t => t.Id).ToArray() });
        query.Parameters.Add(new NpgsqlParameter { Value = kept.Select(t => t.Version).ToArray() });
        query.Parameters.Add(new NpgsqlParameter { Value = kept.Select(t => t.Facts[^1].Id).ToArray() });
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var stored = Read(reader, serializer);
            if (!streams.TryGetValue(stored.StreamKey!, out var stream)) streams[stored.StreamKey!] = stream = [];
            stream.Add(stored);
        }
        return streams;
    }

    /// <summary>The columns of <c>mt_events</c> (aliased <c>e</c>) that <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = "e.stream_id, e.id, e.version, e.timestamp, e.mt_dotnet_type, e.data, e.user_name";

    /// <summary>The event in the reader's current row of <see cref="Columns"/>, with what a treaty's fold uses of it.</summary>
    public static IEvent Read(DbDataReader reader, IStorageSerializer serializer)
    {
        var (type, wrap) = Types.GetOrAdd(reader.GetString(4), TypeNamed);
        var stored = wrap(serializer.FromJson(type, reader, 5));
        stored.StreamKey = reader.GetString(0);
        stored.Id = reader.GetGuid(1);
        stored.Version = reader.GetInt64(2);
        stored.Timestamp = reader.GetFieldValue<DateTimeOffset>(3);
        if (!reader.IsDBNull(6)) stored.UserName = reader.GetString(6);
        return stored;
    }

    private static (Type, Func<object, IEvent>) TypeNamed(string dotnetType)
    {
        var type = Type.GetType(dotnetType) ?? throw new InvalidOperationException($"The event type '{dotnetType}' stored in the events table is unknown.");
        return (type, EventWrapping.For(type));
    }
}
