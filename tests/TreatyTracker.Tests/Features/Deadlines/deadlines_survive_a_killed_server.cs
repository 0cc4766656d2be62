using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Deadlines;

/// <summary>The server process killed (SIGKILL) right after notices were recorded, then started again.</summary>
public class deadlines_survive_a_killed_server(PostgresServer postgres)
{
    private const int Treaties = 8;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task PostAsync(HttpClient client, string url, string json)
    {
        using var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<List<string>> TypesAsync(HttpClient client, string treaty) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/treaties/{treaty}/events", TestContext.Current.CancellationToken))!.AsArray()
            .Select(e => e!["type"]!.GetValue<string>()).ToList();

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task what_fell_due_is_recorded_once_each_and_a_reminder_still_to_come_is_still_scheduled()
    {
        var database = await postgres.CreateDatabaseAsync("killed");
        var first = new EmptyRunningServer(postgres) { ConnectionString = database };
        await first.InitializeAsync();
        using (var editor = await first.EditorClientAsync())
        {
            await PostAsync(editor, "/api/treaties", """{"id":"later","name":"Runs out in a year","shortName":"Later","kind":"bilateral","withdrawalNoticePeriod":"P1Y"}""");
            await PostAsync(editor, "/api/treaties/later/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
            await PostAsync(editor, "/api/treaties/later/events", """{"type":"entered-into-force","on":"2000-02-01"}""");
            await PostAsync(editor, "/api/treaties/later/events", $$"""{"type":"withdrawal-notice-given","on":"{{Today:yyyy-MM-dd}}","party":"A"}""");
            for (var i = 0; i < Treaties; i++)
            {
                await PostAsync(editor, "/api/treaties", $$"""{"id":"due-{{i}}","name":"Runs out today","shortName":"Due {{i}}","kind":"bilateral","withdrawalNoticePeriod":"P1D"}""");
                await PostAsync(editor, $"/api/treaties/due-{i}/events", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
                await PostAsync(editor, $"/api/treaties/due-{i}/events", """{"type":"entered-into-force","on":"2000-02-01"}""");
            }
            // The notices last, as fast as they go, and the kill at once.
            await Task.WhenAll(Enumerable.Range(0, Treaties).Select(i => PostAsync(editor, $"/api/treaties/due-{i}/events",
                $$"""{"type":"withdrawal-notice-given","on":"{{Today.AddDays(-1):yyyy-MM-dd}}","party":"A"}""")));
        }
        await first.KillAsync();
        await first.DisposeAsync();

        await using var second = new EmptyRunningServer(postgres) { ConnectionString = database };
        await second.InitializeAsync();

        for (var i = 0; i < Treaties; i++)
        {
            var types = await TypesAsync(second.Client, $"due-{i}");
            Assert.Equal(1, types.Count(t => t == "withdrawal-took-effect"));
            Assert.Equal(1, types.Count(t => t == "terminated"));
        }
        Assert.DoesNotContain("withdrawal-took-effect", await TypesAsync(second.Client, "later"));
        // Only the deadline still to come has a reminder, kept in PostgreSQL through the kill.
        Assert.Equal(1, await CountAsync(database, $"""
            select count(*) from treaties.wolverine_incoming_envelopes
            where status = 'Scheduled' and message_type = '{DeadlineReminder.MessageType}' and execution_time::date = '{Today.AddYears(1):yyyy-MM-dd}'
            """));
        Assert.Equal(0, await CountAsync(database, $"""
            select count(*) from treaties.wolverine_incoming_envelopes where status <> 'Handled' and message_type = '{DeadlineReminder.MessageType}'
              and execution_time <= now()
            """));
    }
}
