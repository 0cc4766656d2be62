using System.Net;
using System.Text;
using Marten;
using Npgsql;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Importing;

/// <summary>
/// An import is one transaction: whichever of its writes PostgreSQL refuses (a trigger here raises on the second
/// treaty's row of one table), the events and the reminders of every treaty in it are all left out, and so are the read
/// models, which follow from the events.
/// </summary>
public class an_import_that_fails_part_way(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Rows = """
        [
          {"treaty":"first","type":"treaty-registered","name":"First","shortName":"First","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
          {"treaty":"first","type":"signed","on":"2000-01-01","parties":["A","B"]},
          {"treaty":"first","type":"entered-into-force","on":"2000-06-01"},
          {"treaty":"first","type":"violation-alleged","on":"2001-01-01","accuser":"A","accused":"B"},
          {"treaty":"second","type":"treaty-registered","name":"Second","shortName":"Second","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
          {"treaty":"second","type":"signed","on":"2000-01-01","parties":["A","B"]},
          {"treaty":"second","type":"entered-into-force","on":"2000-06-01"},
          {"treaty":"second","type":"violation-alleged","on":"2001-01-01","accuser":"A","accused":"B"},
          {"treaty":"second","type":"withdrawal-notice-given","on":"2001-02-01","party":"A","effectiveOn":"2101-02-01"}
        ]
        """;

    /// <summary>Each table an import writes to, and what of a new row names its treaty.</summary>
    private static readonly Dictionary<string, string> TreatyOfRow = new()
    {
        ["mt_streams"] = "NEW.id",
        ["mt_events"] = "NEW.stream_id",
        ["wolverine_incoming_envelopes"] = "convert_from(NEW.body, 'UTF8')"
    };

    /// <summary>The read models' tables, which the projection writes from the events afterwards.</summary>
    private static readonly string[] ReadModelTables = ["mt_doc_treatystatusview", "mt_doc_statussegment", "mt_doc_allegationrow", "mt_doc_deadlinerow"];

    public static TheoryData<string> Tables => [.. TreatyOfRow.Keys];

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The table's rows, but for the tombstone Marten records after a failed save to keep its sequence without gaps.</summary>
    private async Task<long> RowsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tombstone = table switch { "mt_streams" => " where id <> 'mt_tombstone'", "mt_events" => " where stream_id <> 'mt_tombstone'", _ => "" };
        await using var command = new NpgsqlCommand($"select count(*) from treaties.{table}{tombstone}", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task leaves_neither_events_nor_read_models_nor_reminders_of_any_treaty(string table)
    {
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var untouched = new Dictionary<string, long>();
        foreach (var other in TreatyOfRow.Keys.Concat(ReadModelTables)) untouched[other] = await RowsAsync(other);
        await ExecuteAsync($"""
            create or replace function treaties.fail_the_second_treaty() returns trigger language plpgsql as
              $$ begin raise exception 'injected failure'; end $$;
            create trigger fail_the_second_treaty before insert on treaties.{table}
              for each row when (({TreatyOfRow[table]}) like '%second%')
              execute function treaties.fail_the_second_treaty();
            """);
        try
        {
            var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import")
                { Content = new StringContent(Rows, Encoding.UTF8, "application/json") });

            Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
            Assert.Equal("application/problem+json", response.ContentType);
        }
        finally
        {
            await ExecuteAsync($"drop trigger fail_the_second_treaty on treaties.{table}");
        }

        await ReadModelsCaughtUpAsync();
        foreach (var (other, count) in untouched) Assert.Equal((other, count), (other, await RowsAsync(other)));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/treaties/first")).Status);

        var again = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(Rows, Encoding.UTF8, "application/json") });
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }
}
