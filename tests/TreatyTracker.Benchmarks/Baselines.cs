using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace TreatyTracker.Benchmarks;

/// <summary>What PostgreSQL itself does with the same rows and no application: the floor each scenario is compared with.</summary>
public sealed class Baselines(string connectionString)
{
    public async Task CreateTablesAsync()
    {
        await ExecuteAsync("""
            drop table if exists bench_events; drop table if exists bench_inserts;
            create table bench_events (id uuid primary key, stream text not null, version int not null, type text not null, data jsonb not null);
            create index on bench_events (stream, version);
            create table bench_inserts (id bigserial primary key, stream text not null, data jsonb not null);
            """);
    }

    /// <summary>Binary COPY of the archive's event rows into a plain indexed table; events per second.</summary>
    public async Task<double> CopyAsync(SyntheticArchive archive)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("copy bench_events (id, stream, version, type, data) from stdin (format binary)"))
        {
            for (var t = 0; t < archive.Treaties; t++)
            {
                var version = 0;
                foreach (var row in archive.Rows(t).Where(r => r["id"] is not null))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.Parse(row["id"]!.GetValue<string>()), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(row["treaty"]!.GetValue<string>(), NpgsqlDbType.Text);
                    await copy.WriteAsync(++version, NpgsqlDbType.Integer);
                    await copy.WriteAsync(row["type"]!.GetValue<string>(), NpgsqlDbType.Text);
                    await copy.WriteAsync(row.ToJsonString(), NpgsqlDbType.Jsonb);
                    rows++;
                }
            }
            await copy.CompleteAsync();
        }
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One-row INSERT transactions (autocommit), the way an event is recorded, without the application.</summary>
    public async Task<LoadResult> InsertsAsync(int clients, int perClient)
    {
        var connections = await OpenAsync(clients);
        try
        {
            return await LoadLoop.RunAsync(clients, perClient, async (client, n) =>
            {
                await using var insert = new NpgsqlCommand("insert into bench_inserts (stream, data) values ($1, $2::jsonb)", connections[client]);
                insert.Parameters.AddWithValue(SyntheticArchive.TreatyId(client));
                insert.Parameters.AddWithValue($$"""{"type":"statement","on":"2020-01-01","summary":"baseline {{n}}"}""");
                return await insert.ExecuteNonQueryAsync() == 1;
            });
        }
        finally { foreach (var c in connections) await c.DisposeAsync(); }
    }

    /// <summary>An indexed read of one treaty's event rows: what a status question costs the database at the least.</summary>
    public async Task<LoadResult> ReadsAsync(int clients, int perClient, int treaties)
    {
        var connections = await OpenAsync(clients);
        try
        {
            var random = new Random(7);
            return await LoadLoop.RunAsync(clients, perClient, async (client, _) =>
            {
                int treaty;
                lock (random) treaty = random.Next(treaties);
                await using var read = new NpgsqlCommand("select data from bench_events where stream = $1 order by version", connections[client]);
                read.Parameters.AddWithValue(SyntheticArchive.TreatyId(treaty));
                await using var reader = await read.ExecuteReaderAsync();
                var any = false;
                while (await reader.ReadAsync()) any = true;
                return any;
            });
        }
        finally { foreach (var c in connections) await c.DisposeAsync(); }
    }

    /// <summary>
    /// The floor of a state's questions: the indexed read of the state's rows alone in <paramref name="table"/> (its row in
    /// each treaty, which its view reads; its status intervals, which a period question reads), one connection; with the
    /// number of treaties the state takes part in.
    /// </summary>
    public async Task<(int Treaties, LoadResult Read)> StateRowsAsync(string table, string party, int requests)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var count = new NpgsqlCommand($"select count(distinct treaty_id)::int from treaties.{table} where party = $1", connection))
        {
            count.Parameters.AddWithValue(party);
            var treaties = (int)(await count.ExecuteScalarAsync())!;
            var read = await LoadLoop.RunAsync(1, requests, async (_, _) =>
            {
                await using var rows = new NpgsqlCommand($"select data from treaties.{table} where party = $1", connection);
                rows.Parameters.AddWithValue(party);
                await using var reader = await rows.ExecuteReaderAsync();
                var any = false;
                while (await reader.ReadAsync()) any = true;
                return any;
            });
            return (treaties, read);
        }
    }

    /// <summary>A sequential scan of the event store's table, reading every event's data; events per second.</summary>
    public async Task<double> ScanEventsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using var scan = new NpgsqlCommand($"select count(*), sum(length(data::text)) from {schema}.mt_events", connection) { CommandTimeout = 600 };
        await using var reader = await scan.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0) / clock.Elapsed.TotalSeconds;
    }

    public async Task<long> EventCountAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {schema}.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task<Dictionary<string, string>> SettingsAsync()
    {
        var settings = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var name in new[] { "server_version", "shared_buffers", "work_mem", "fsync", "synchronous_commit", "wal_level", "max_connections" })
        {
            await using var show = new NpgsqlCommand($"show {name}", connection);
            settings[name] = (string)(await show.ExecuteScalarAsync())!;
        }
        return settings;
    }

    private async Task<NpgsqlConnection[]> OpenAsync(int count)
    {
        var connections = new NpgsqlConnection[count];
        for (var i = 0; i < count; i++)
        {
            connections[i] = new NpgsqlConnection(connectionString);
            await connections[i].OpenAsync();
        }
        return connections;
    }

    /// <summary>
    /// After a bulk write, lets the database settle (statistics, visibility map, dirty pages written) so that a
    /// scenario and its baseline both measure a quiet database. Without it, whichever ran first could meet
    /// autovacuum or a checkpoint: one treaty's status measured 285/s in one run and 815/s in the next.
    /// </summary>
    public async Task SettleAsync()
    {
        await ExecuteAsync("vacuum analyze", timeoutSeconds: 0);
        await ExecuteAsync("checkpoint", timeoutSeconds: 0);
    }

    private async Task ExecuteAsync(string sql, int timeoutSeconds = 30)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }
}
