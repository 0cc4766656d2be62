using Marten;
using Npgsql;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Status;
using TreatyTracker.Store;

namespace TreatyTracker.Features.States;

/// <summary>
/// A state's view as the record stands now, in one round trip of four statements: its row in each treaty with when the
/// treaty was last recorded, the allegations it made and faced up to the day counted, and the newest of each.
/// </summary>
public static class StateViewQuery
{
    public static async Task<StateView> NowAsync(IQuerySession session, string state, string[] names, DateOnly asOf, CancellationToken cancellation)
    {
        var store = session.DocumentStore;
        string rows = ReadModelSql.Table<StateInTreatyRow>(store), views = ReadModelSql.Table<TreatyStatusView>(store),
            allegations = ReadModelSql.Table<AllegationRow>(store);
        await using var connection = await ReadModelSql.OpenAsync(store, cancellation, typeof(StateInTreatyRow), typeof(TreatyStatusView), typeof(AllegationRow));
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // OFFSET 0 keeps the lookup one index probe per row, where the planner would otherwise scan every view.
                Command($"""
                    select r.data, v.recorded_through from {rows} r
                    cross join lateral (select v.recorded_through from {views} v where v.id = r.treaty_id offset 0) v
                    where r.party = any($1)
                    """, names),
                Command($"""
                    select count(*) filter (where accuser = any($1))::int, count(*) filter (where accused = any($1))::int
                    from {allegations} where (accuser = any($1) or accused = any($1)) and "on" <= $2
                    """, names, asOf),
                Newest(allegations, "accuser", names, asOf),
                Newest(allegations, "accused", names, asOf)
            }
        };

        var serializer = store.Options.Serializer();
        var treaties = new List<StateInTreaty>();
        var recordedThrough = DateTimeOffset.UnixEpoch;
        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var recorded = reader.GetFieldValue<DateTimeOffset>(1);
            if (recorded > recordedThrough) recordedThrough = recorded;
            treaties.Add(serializer.FromJson<StateInTreatyRow>(reader, 0).On(asOf));
        }
        await reader.NextResultAsync(cancellation);
        await reader.ReadAsync(cancellation);
        var (by, against) = (reader.GetInt32(0), reader.GetInt32(1));
        var newest = new List<AllegationResponse>[2];
        for (var side = 0; side < 2; side++)
        {
            await reader.NextResultAsync(cancellation);
            newest[side] = [];
            while (await reader.ReadAsync(cancellation)) newest[side].Add(AllegationResponse.From(serializer.FromJson<AllegationRow>(reader, 0)));
        }
        return new StateView(state, names, asOf, null, StateInTreaty.Listed(treaties), new StateAllegations(by, newest[0]), new StateAllegations(against, newest[1]))
            { RecordedThrough = recordedThrough };
    }

    /// <summary>The newest allegations by (<c>accuser</c>) or against (<c>accused</c>) the state, in <see cref="StateAllegations.Of"/>'s order.</summary>
    private static NpgsqlBatchCommand Newest(string allegations, string side, string[] names, DateOnly asOf) =>
        Command($"""
            select data from {allegations} where {side} = any($1) and "on" <= $2
            order by "on" desc, treaty_id collate "C", id::text collate "C" limit {StateAllegations.NewestShown}
            """, names, asOf);

    private static NpgsqlBatchCommand Command(string sql, string[] names, DateOnly? asOf = null)
    {
        var command = new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter { Value = names } } };
        if (asOf is { } day) command.Parameters.Add(new NpgsqlParameter { Value = day });
        return command;
    }
}
