using System.Net;
using Alba;
using Npgsql;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Backup;

/// <summary>
/// A backup taken with <c>pg_dump -Fc</c> and restored with <c>pg_restore</c> into a new database, as the README
/// says. The test runs a cluster of its own from the local binaries: pg_dump refuses a server newer than itself,
/// and the shared test server may be any version, anywhere.
/// </summary>
public class backing_up_and_restoring
{
    private static readonly string[] TreatyIds = ["inf", "open-skies", "new-start", "pact"];
    private static readonly string[] Dates = ["1988-06-01", "2002-01-01", "2019-05-01", "2019-08-02", "2021-12-18", "2023-06-01", "2030-01-01"];

    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task the_restored_database_gives_identical_answers_and_takes_new_events()
    {
        await using var cluster = await ThrowawayCluster.StartAsync();
        var clients = new PostgresClients(cluster.ClientBinaries, cluster.AdminConnectionString);
        var dump = Path.Combine(cluster.Scratch, "treatytracker.dump");

        var original = await cluster.CreateDatabaseAsync("treatytracker");
        await using var originalApp = await AppFixture.StartAsync(original, seedOnStart: true, clock: _clock);
        var recordedBeforeRetraction = await RecordRetractionCorrectionAndDeadlineAsync(await AppFixture.EditorApiAsync(originalApp));
        var questions = Questions(recordedBeforeRetraction);
        var originalAnswers = await AnswersAsync(originalApp, questions);

        await clients.RunAsync("pg_dump", "-Fc", "-d", "treatytracker", "-f", dump);
        await clients.RunAsync("createdb", "treatytracker_restored");
        await clients.RunAsync("pg_restore", "-d", "treatytracker_restored", dump);
        var restored = cluster.Server.ConnectionString("treatytracker_restored");
        await using var restoredApp = await AppFixture.StartAsync(restored, seedOnStart: true, clock: _clock);

        var restoredAnswers = await AnswersAsync(restoredApp, questions);
        foreach (var question in questions)
            Assert.True(originalAnswers[question] == restoredAnswers[question], Difference(question, originalAnswers[question], restoredAnswers[question]));
        var scheduled = await ScheduledMessagesAsync(original);
        Assert.NotEmpty(scheduled);
        Assert.Equal(scheduled, await ScheduledMessagesAsync(restored));

        var lastSequence = await LastEventSequenceAsync(restored);
        var api = await AppFixture.EditorApiAsync(restoredApp);
        var version = (await api.GetAsync("/api/treaties/pact")).Body.At("version")!.GetValue<long>();
        var added = await api.Recorded("pact", """{"type":"statement","on":"2026-01-01","summary":"recorded after the restore"}""");
        Assert.Equal(version + 1, added.Body.At("version")!.GetValue<long>());
        Assert.True(await LastEventSequenceAsync(restored) > lastSequence, "the new event did not continue the event sequence");
    }

    /// <summary>
    /// Beyond the seeds: a retracted statement, a corrected suspension, and a treaty with a running notice (a
    /// deadline scheduled in Wolverine's tables). The clock moves between writes, so record time has steps to
    /// ask about; returns an instant after the statement was recorded and before it was retracted.
    /// </summary>
    private async Task<DateTimeOffset> RecordRetractionCorrectionAndDeadlineAsync(TreatyApi api)
    {
        var wrong = await api.Recorded("inf", """{"type":"statement","on":"2019-01-01","summary":"to be retracted"}""");
        var beforeRetraction = Tick();
        Tick();
        Assert.Equal(HttpStatusCode.Created,
            (await api.PostAsync($"/api/treaties/inf/events/{wrong.Text("eventId")}/retraction", """{"reason":"recorded in error"}""")).Status);

        Tick();
        Assert.Equal(HttpStatusCode.Created, (await api.RegisterAsync("pact", "bilateral", "P1Y")).Status);
        await api.Recorded("pact", """{"type":"signed","on":"2000-01-01","parties":["A","B"]}""");
        await api.Recorded("pact", """{"type":"entered-into-force","on":"2000-06-01"}""");
        var misattributed = await api.Recorded("pact", """{"type":"participation-suspended","on":"2020-03-04","party":"A"}""");
        Tick();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/treaties/pact/events/{misattributed.Text("eventId")}/correction", """
            {"reason":"wrong party","event":{"type":"participation-suspended","on":"2020-03-04","party":"B"}}
            """)).Status);
        await api.Recorded("pact", """{"type":"violation-alleged","on":"2020-05-01","accuser":"A","accused":"B"}""");
        await api.Recorded("pact", $$"""{"type":"withdrawal-notice-given","on":"{{_clock.Now:yyyy-MM-dd}}","party":"A"}""");
        return beforeRetraction;
    }

    private DateTimeOffset Tick() => _clock.Now = _clock.Now.AddSeconds(1);

    private static List<string> Questions(DateTimeOffset recordedBeforeRetraction) =>
    [
        "/api/treaties", "/api/status", "/api/allegations", "/api/deadlines?from=1900-01-01",
        "/api/treaties/inf/diff?from=2019-01-01&to=2019-12-31", "/api/treaties/pact/diff?from=2000-01-01&to=2030-01-01",
        $"/api/treaties/inf/status?asOf=2019-01-15&recordedAt={Uri.EscapeDataString(recordedBeforeRetraction.ToString("O"))}",
        .. Dates.Select(date => $"/api/status?asOf={date}"),
        .. TreatyIds.SelectMany(id => (string[])
        [
            $"/api/treaties/{id}", $"/api/treaties/{id}/history", $"/api/treaties/{id}/events",
            .. Dates.Select(date => $"/api/treaties/{id}/status?asOf={date}")
        ])
    ];

    /// <summary>Each question's status code and body text, exactly as sent.</summary>
    private static async Task<Dictionary<string, string>> AnswersAsync(IAlbaHost app, IEnumerable<string> questions)
    {
        using var client = app.Server.CreateClient();
        var answers = new Dictionary<string, string>();
        foreach (var question in questions)
        {
            using var response = await client.GetAsync(question, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{question} answered {(int)response.StatusCode}: {text}");
            answers[question] = text;
        }
        return answers;
    }

    /// <summary>The deadlines Wolverine will act on: id, message type, due time and a digest of the message.</summary>
    private static async Task<List<string>> ScheduledMessagesAsync(string connectionString) =>
        await QueryAsync(connectionString, """
            select id::text || ' ' || message_type || ' ' || execution_time::text || ' ' || md5(body)
            from treaties.wolverine_incoming_envelopes where status = 'Scheduled' order by id
            """, row => row.GetString(0));

    private static async Task<long> LastEventSequenceAsync(string connectionString) =>
        (await QueryAsync(connectionString, "select max(seq_id) from treaties.mt_events", row => row.GetInt64(0))).Single();

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) rows.Add(read(reader));
        return rows;
    }

    private static string Difference(string question, string original, string restored)
    {
        var at = original.Zip(restored).TakeWhile(pair => pair.First == pair.Second).Count();
        string Around(string text) => text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 200)];
        return $"{question} differs after the restore from character {at}:\noriginal: …{Around(original)}…\nrestored: …{Around(restored)}…";
    }
}
