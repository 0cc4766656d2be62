using System.Text.Json.Nodes;
using Npgsql;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Upgrading;

/// <summary>
/// A database the first release left behind (<c>first-release.sql</c>, made by <c>make-fixture.sh</c>: its seeds, one
/// treaty recorded over HTTP with a retraction, a correction and a reminder scheduled for 2036) is upgraded as the
/// README says: the new migrations applied, then two writers of this release started together in Production.
/// </summary>
public sealed class FirstReleaseUpgraded(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Hosting", "Upgrading", "first-release.sql");

    /// <summary>The first release's migrations; the rest are this release's.</summary>
    private static readonly string[] FirstReleaseMigrations = ["0001_marten.sql", "0002_wolverine.sql"];

    public RunningServer First { get; private set; } = null!;
    public RunningServer Second { get; private set; } = null!;
    public RunningServer SeededAfresh { get; private set; } = null!;
    public string Database { get; private set; } = "";

    /// <summary>Every event as the first release stored it: id, stream, version, type and data.</summary>
    public IReadOnlyList<string> EventsBefore { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var earlier = PostgresServer.MigrationFiles.Where(f => FirstReleaseMigrations.Contains(Path.GetFileName(f))).ToArray();
        Assert.Equal(FirstReleaseMigrations.Length, earlier.Length);
        Database = await postgres.CreateDatabaseFromMigrationsAsync("upgrade", earlier);
        await ExecuteAsync(await File.ReadAllTextAsync(Fixture));
        EventsBefore = await EventsAsync(Database);

        foreach (var file in PostgresServer.MigrationFiles.Except(earlier))
            await ExecuteAsync(await File.ReadAllTextAsync(file));

        First = new RunningServer(postgres) { ConnectionString = Database, Environment = "Production" };
        Second = new RunningServer(postgres) { ConnectionString = Database, Environment = "Production" };
        SeededAfresh = new RunningServer(postgres) { ConnectionString = await postgres.CreateDatabaseFromMigrationsAsync("fresh"), Environment = "Production" };
        await Task.WhenAll(First.InitializeAsync().AsTask(), Second.InitializeAsync().AsTask(), SeededAfresh.InitializeAsync().AsTask());
    }

    private async Task ExecuteAsync(string sql)
    {
        // A connection of its own: the dump changes the session's search_path.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<IReadOnlyList<string>> EventsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("select id::text || ' ' || stream_id || ' ' || version || ' ' || type || ' ' || data::text from treaties.mt_events order by seq_id", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var events = new List<string>();
        while (await reader.ReadAsync()) events.Add(reader.GetString(0));
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await SeededAfresh.DisposeAsync();
    }
}

public class upgrading_a_database_of_the_first_release(FirstReleaseUpgraded upgrade) : IClassFixture<FirstReleaseUpgraded>
{
    /// <summary>This release's seeded treaties: those the first release seeded, brought up to date, and those it adds.</summary>
    private static IReadOnlyList<string> Seeded => Seeds.TreatyIds;

    private static async Task<JsonNode> GetAsync(RunningServer server, string url) =>
        JsonNode.Parse(await server.Client.GetStringAsync(url, TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task keeps_every_event_of_the_first_release_as_it_was()
    {
        var after = await FirstReleaseUpgraded.EventsAsync(upgrade.Database);

        Assert.NotEmpty(upgrade.EventsBefore);
        Assert.Equal(upgrade.EventsBefore, after.Take(upgrade.EventsBefore.Count));
        Assert.True(after.Count > upgrade.EventsBefore.Count, "the corrections of this release's seeds were not recorded");
    }

    [Fact]
    public async Task answers_about_the_seeded_treaties_as_a_database_seeded_by_this_release()
    {
        var fresh = new TreatyApi(upgrade.SeededAfresh.Client);
        var questions = await fresh.StatusQuestionsAsync(Seeded);
        var expected = await fresh.AnswersAsync(questions);
        Scenarios.AssertSameAnswers(expected, await new TreatyApi(upgrade.First.Client).AnswersAsync(questions), "upgraded, through the first writer", ofAnotherRecord: true);
        Scenarios.AssertSameAnswers(expected, await new TreatyApi(upgrade.Second.Client).AnswersAsync(questions), "upgraded, through the second writer", ofAnotherRecord: true);
        foreach (var treaty in Seeded)
            Assert.True(JsonNode.DeepEquals(await GetAsync(upgrade.SeededAfresh, $"/api/allegations?treaty={treaty}"), await GetAsync(upgrade.First, $"/api/allegations?treaty={treaty}")),
                $"{treaty}: the allegations differ");
        // A state's view reads rows this release added (0006): the upgrade's rebuild must have written them. The treaty
        // recorded by hand in the first release is left out: a database seeded afresh lacks it.
        foreach (var question in new[] { "/api/states/Russia?asOf=1990-01-01", "/api/states/Russia?asOf=2023-03-01", "/api/states/United%20States?asOf=2019-09-01" })
        {
            JsonNode Seeds(JsonNode view, string list) => new JsonArray(view.At(list)!.AsArray().Where(t => Seeded.Contains(t!["treatyId"]!.GetValue<string>()))
                .Select(t => Scenarios.WithoutRecordTime(t!.DeepClone())).ToArray());
            var (seeded, upgraded) = (await GetAsync(upgrade.SeededAfresh, question), await GetAsync(upgrade.First, question));
            foreach (var list in new[] { "treaties", "allegationsBy.newest", "allegationsAgainst.newest" })
                Assert.True(JsonNode.DeepEquals(Seeds(seeded, list), Seeds(upgraded, list)), $"{question}: {list} differ\n{Seeds(seeded, list).ToJsonString()}\n{Seeds(upgraded, list).ToJsonString()}");
            Assert.NotEmpty(Seeds(upgraded, "treaties").AsArray());
        }
    }

    [Fact]
    public async Task shows_the_earlier_seed_entries_it_corrected_as_retracted()
    {
        var events = (await GetAsync(upgrade.First, "/api/treaties/open-skies/events")).AsArray();
        var retracted = events.Where(e => e!["retracted"]!.GetValue<bool>()).ToList();

        Assert.NotEmpty(retracted);
        Assert.All(retracted, e => Assert.Equal("seed", e!["recordedBy"]!.GetValue<string>()));
        var retractions = events.Where(e => e!["type"]!.GetValue<string>() == "event-retracted").Select(e => e!["event"]!["eventId"]!.GetValue<string>()).ToHashSet();
        Assert.All(retracted, e => Assert.Contains(e!["id"]!.GetValue<string>(), retractions));
    }

    [Fact]
    public async Task keeps_a_treaty_recorded_by_hand_with_its_retraction_correction_and_scheduled_deadline()
    {
        var status = await GetAsync(upgrade.First, "/api/treaties/upgrade-check/status?asOf=2030-01-01");
        var us = status["parties"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "United States")!;
        Assert.Equal("withdrawing", us["status"]!.GetValue<string>());
        Assert.Equal("2036-11-20", us["effectiveOn"]!.GetValue<string>());
        Assert.Equal("terminated", (await GetAsync(upgrade.First, "/api/treaties/upgrade-check/status?asOf=2036-11-20"))["status"]!.GetValue<string>());
        Assert.Empty((await GetAsync(upgrade.First, "/api/allegations?treaty=upgrade-check")).AsArray());

        var events = (await GetAsync(upgrade.First, "/api/treaties/upgrade-check/events")).AsArray();
        var statements = events.Where(e => e!["type"]!.GetValue<string>() == "statement").ToList();
        Assert.Equal([true, false], statements.Select(e => e!["retracted"]!.GetValue<bool>()));
        Assert.Equal("2023-01-09", statements[1]!["on"]!.GetValue<string>());

        await using var connection = new NpgsqlConnection(upgrade.Database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand(
            "select count(*) from treaties.wolverine_incoming_envelopes where status = 'Scheduled' and execution_time = '2036-11-20 00:00:00+00'", connection);
        Assert.Equal(1L, await query.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
