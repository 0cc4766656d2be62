using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Events.Fetching;
using Marten.Internal.Sessions;
using Marten.Linq.QueryHandlers;
using Marten.Services.BatchQuerying;
using Weasel.Postgresql;
using Weasel.Storage;
using TreatyTracker.Treaties;

namespace TreatyTracker.Store.Kept;

/// <summary>Hands Marten <see cref="TreatyFetchPlan"/> whenever a session fetches a <see cref="Treaty"/>.</summary>
public sealed class TreatyFetchPlanner(KeptTreaties kept) : IFetchPlanner
{
    public bool TryMatch<TDoc, TId>(IEventIdentityStrategy<TId> identity, StoreOptions options,
        [NotNullWhen(true)] out IAggregateFetchPlan<TDoc, TId>? plan) where TDoc : class where TId : notnull
    {
        plan = typeof(TDoc) == typeof(Treaty) && identity is IEventIdentityStrategy<string> byKey
            ? (IAggregateFetchPlan<TDoc, TId>)(object)new TreatyFetchPlan(byKey, kept, options.Events.DatabaseSchemaName)
            : null;
        return plan is not null;
    }
}

/// <summary>
/// Marten's live fetch of a treaty, in the same one round trip, but reading only what this instance has not folded
/// yet. Marten's own plan reads and deserializes the treaty's whole record (about a hundred events) for every write;
/// with a kept treaty at version v, this one reads the stream's version and the events from v on — provided the
/// event stored at v is still the one the kept treaty ended with. When it is not (the database was reset or
/// restored), the same query returns the whole record, which is folded afresh. The concurrency check is Marten's:
/// the append expects the version read here.
/// </summary>
public sealed class TreatyFetchPlan(IEventIdentityStrategy<string> identity, KeptTreaties kept, string schema)
    : IAggregateFetchPlan<Treaty, string>
{
    private readonly IEventIdentityStrategy<string> _identity = identity;
    private readonly KeptTreaties _kept = kept;
    private readonly string _schema = schema;

    public ProjectionLifecycle Lifecycle => ProjectionLifecycle.Live;

    // Fetched outside a batch, a treaty is fetched in a batch of its own: the handlers below are the one way it is read.
    public async Task<IEventStream<Treaty>> FetchForWriting(DocumentSessionBase session, string id, bool forUpdate,
        CancellationToken cancellation = default)
    {
        if (forUpdate) await session.BeginTransactionAsync(cancellation);
        return await InABatchAsync(session, batch => forUpdate ? batch.Events.FetchForExclusiveWriting<Treaty>(id) : batch.Events.FetchForWriting<Treaty>(id), cancellation);
    }

    public Task<IEventStream<Treaty>> FetchForWriting(DocumentSessionBase session, string id, long expectedStartingVersion,
        CancellationToken cancellation = default) =>
        InABatchAsync(session, batch => batch.Events.FetchForWriting<Treaty>(id, expectedStartingVersion), cancellation);

    public async ValueTask<Treaty?> FetchForReading(DocumentSessionBase session, string id, CancellationToken cancellation) =>
        await InABatchAsync(session, batch => batch.Events.FetchLatest<Treaty>(id), cancellation);

    private async Task<T> InABatchAsync<T>(DocumentSessionBase session, Func<IBatchedQuery, Task<T>> fetch, CancellationToken cancellation)
    {
        await _identity.EnsureEventStorageExists<Treaty>(session, cancellation);
        var batch = session.CreateBatchQuery();
        var fetched = fetch(batch);
        await batch.Execute(cancellation);
        return await fetched;
    }

    public IQueryHandler<IEventStream<Treaty>> BuildQueryHandler(QuerySession session, string id, bool forUpdate) =>
        new ForWriting(new Reading(this, id, forUpdate), expectedVersion: null);

    public IQueryHandler<IEventStream<Treaty>> BuildQueryHandler(QuerySession session, string id, long expectedStartingVersion) =>
        new ForWriting(new Reading(this, id, forUpdate: false), expectedStartingVersion);

    public IQueryHandler<Treaty?> BuildQueryHandler(QuerySession session, string id) => new Reading(this, id, forUpdate: false);

    // A treaty is folded from its events for commands only; the read models answer every question about it.
    public ValueTask<Treaty?> ProjectLatest(DocumentSessionBase session, string id, CancellationToken cancellation) =>
        throw new NotSupportedException("A treaty is folded only to decide a command; read its read models instead.");

    public Task<bool> StreamForReading(DocumentSessionBase session, string id, Stream destination, CancellationToken cancellation) =>
        throw new NotSupportedException("A treaty is folded only to decide a command; read its read models instead.");

    /// <summary>
    /// Reads the stream's version and the events the kept treaty lacks, and folds them on. The events are read with
    /// <see cref="StoredStreams.Read"/>, which takes only what the fold uses: Marten's own event reader costs about
    /// 25 µs an event, most of a first write's fetch of a hundred events.
    /// </summary>
    private sealed class Reading(TreatyFetchPlan plan, string id, bool forUpdate) : IQueryHandler<Treaty?>
    {
        private readonly Treaty? _kept = plan._kept.Kept(id);

        public TreatyFetchPlan Plan { get; } = plan;
        public string Id { get; } = id;
        /// <summary>The stream's version as read (0 when there is no such stream).</summary>
        public long Version { get; private set; }

        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            Plan._identity.BuildCommandForReadingVersionForStream(false, builder, Id, forUpdate);
            builder.StartNewCommand();
            var events = $"{Plan._schema}.mt_events";
            builder.Append($"select {StoredStreams.Columns} from {events} as e where e.stream_id = ");
            builder.AppendParameter(Id);
            builder.Append(" and e.is_archived = false");
            if (_kept is not null)
            {
                // The events from the kept treaty's last one on, or the whole record if that event is no longer stored.
                builder.Append(" and (e.version >= ");
                builder.AppendParameter(_kept.Version);
                builder.Append($" or not exists (select 1 from {events} as kept where kept.stream_id = ");
                builder.AppendParameter(Id);
                builder.Append(" and kept.version = ");
                builder.AppendParameter(_kept.Version);
                builder.Append(" and kept.id = ");
                builder.AppendParameter(_kept.Facts[^1].Id);
                builder.Append("))");
            }
            builder.Append(" order by e.version");
        }

        public async Task<Treaty?> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
        {
            if (await reader.ReadAsync(token)) Version = await reader.GetFieldValueAsync<long>(0, token);
            await reader.NextResultAsync(token);
            var events = new List<IEvent>();
            while (await reader.ReadAsync(token)) events.Add(StoredStreams.Read(reader, session.Serializer));

            if (KeptTreaties.Continue(_kept, events) is not { } treaty) return null;
            if (treaty.Version == Version) Plan._kept.Keep(treaty);
            return treaty;
        }

        public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) => throw new NotSupportedException();
    }

    /// <summary>The read treaty as Marten's event stream, expecting the version read when it is appended to.</summary>
    private sealed class ForWriting(Reading reading, long? expectedVersion) : IQueryHandler<IEventStream<Treaty>>
    {
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session) => reading.ConfigureCommand(builder, session);

        public async Task<IEventStream<Treaty>> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
        {
            var treaty = await reading.HandleAsync(reader, session, token);
            if (expectedVersion is { } expected && expected != reading.Version) throw new ConcurrencyException(typeof(Treaty), reading.Id);
            var documentSession = (DocumentSessionBase)session;
            return reading.Version == 0
                ? reading.Plan._identity.StartStream(treaty, documentSession, reading.Id, token)
                : reading.Plan._identity.AppendToStream(treaty, documentSession, reading.Id, reading.Version, token);
        }

        public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) => throw new NotSupportedException();
    }
}
