using System.Text.Json.Nodes;
using Spectre.Console;
using TreatyTracker.Cli;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Cli;

public sealed class TwoServers(PostgresServer postgres) : IAsyncLifetime
{
    public RunningServer Seeded { get; } = new(postgres);
    public EmptyRunningServer Empty { get; } = new(postgres);

    public async ValueTask InitializeAsync() => await Task.WhenAll(Seeded.InitializeAsync().AsTask(), Empty.InitializeAsync().AsTask());

    public async ValueTask DisposeAsync()
    {
        await Seeded.DisposeAsync();
        await Empty.DisposeAsync();
    }
}

/// <summary>`treaty` run in-process, talking HTTP to real servers on PostgreSQL.</summary>
public class the_command_line(TwoServers servers) : IClassFixture<TwoServers>
{
    private static async Task<CliRun> TreatyAsync(RunningServer server, params string[] args) =>
        await TreatyWithoutKeyAsync(server, [.. args, "--api-key", await server.EditorKeyAsync()]);

    private static Task<CliRun> TreatyWithoutKeyAsync(RunningServer server, params string[] args) => Treaty.RunAsync(server.Address, 220, args);

    private Task<CliRun> SeededAsync(params string[] args) => TreatyAsync(servers.Seeded, args);

    [Fact]
    public async Task status_prints_a_table_of_treaties_and_parties_or_the_json()
    {
        var table = await SeededAsync("status", "inf", "--as-of", "2019-05-01");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("withdrawing", table.Output);
        Assert.Contains("2019-08-02", table.Output);

        var json = await SeededAsync("status", "--as-of", "2019-05-01", "--json");
        Assert.Equal(0, json.ExitCode);
        var treaties = JsonNode.Parse(json.Output)!.AsArray();
        Assert.Equal(Seeds.TreatyIds, treaties.Select(t => t!["treatyId"]!.GetValue<string>()));
        Assert.Equal("in-force", treaties.Single(t => t!["treatyId"]!.GetValue<string>() == "inf")!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task status_says_how_sure_each_date_is_what_a_state_was_called_and_where_a_party_stood_before_the_end()
    {
        var openSkies = (await SeededAsync("status", "open-skies", "--as-of", "2010-01-01")).Output;
        Assert.Matches(@"Sweden .*2002 \(year only\)", openSkies);
        Assert.Matches(@"Finland .*2003-02-11 \(unconfirmed\)", openSkies);
        Assert.Matches(@"Slovakia \(successor of Czechoslovakia\)", openSkies);

        Assert.Contains("USSR (continued as Russia from 1991-12-24)", (await SeededAsync("status", "inf", "--as-of", "1988-06-01")).Output);
        Assert.Contains("Russia (formerly USSR)", (await SeededAsync("status", "inf", "--as-of", "2019-05-01")).Output);
        var newStart = (await SeededAsync("status", "new-start", "--as-of", "2026-12-01")).Output;
        Assert.Matches(@"expired \(was suspended toward United", newStart);
        Assert.Matches(@"States since 2023-02-28\)", newStart);

        var ctbt = (await SeededAsync("status", "ctbt")).Output;
        Assert.Matches(@"signatory \(was ratified since 2000-06-30", ctbt);
        Assert.Contains("ratification revoked)", ctbt);
        Assert.Contains("CTBT: This record follows only United States and Russia", ctbt);
    }

    [Fact]
    public async Task diff_and_during_print_whom_a_suspension_is_toward()
    {
        var diff = (await SeededAsync("diff", "cfe", "--from", "2023-01-01", "--to", "2024-06-01")).Output;
        // 220 columns: each row on one line, its From and To cells side by side.
        Assert.Matches(@"│ Belarus\s+│ party\s+│ suspended toward Poland, Czech Republic\s+│", diff);
        Assert.Matches(@"│ Czech Republic\s+│ suspended toward Russia, Belarus\s+│ suspended\s+│", diff);

        var during = (await SeededAsync("during", "--from", "2024-01-01", "--to", "2024-02-01", "--treaty", "cfe", "--state", "Belarus", "--status", "suspended")).Output;
        Assert.Contains("suspended toward Poland, Czech Republic", during);
    }

    [Fact]
    public async Task the_other_read_commands_answer_with_tables_and_json()
    {
        var history = await SeededAsync("history", "inf", "--json");
        Assert.Equal("terminated", JsonNode.Parse(history.Output)!["intervals"]![3]!["status"]!.GetValue<string>());
        Assert.Contains("withdrawing", (await SeededAsync("history", "inf")).Output);

        var diff = await SeededAsync("diff", "inf", "--from", "2019-01-01", "--to", "2019-12-31");
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("withdrawal-notice-given of 2019-02-02", diff.Output);

        var allegations = JsonNode.Parse((await SeededAsync("allegations", "--accuser", "Russia", "--json")).Output)!.AsArray();
        var fromTheServer = JsonNode.Parse(await servers.Seeded.Client.GetStringAsync("/api/allegations?accuser=Russia", TestContext.Current.CancellationToken))!.AsArray();
        Assert.NotEmpty(allegations);
        Assert.True(JsonNode.DeepEquals(fromTheServer, allegations));

        var deadlines = JsonNode.Parse((await SeededAsync("deadlines", "--from", "2019-01-01", "--to", "2026-12-31", "--json")).Output)!.AsArray();
        var deadlinesFromTheServer = JsonNode.Parse(await servers.Seeded.Client.GetStringAsync("/api/deadlines?from=2019-01-01&to=2026-12-31", TestContext.Current.CancellationToken))!.AsArray();
        Assert.NotEmpty(deadlines);
        Assert.True(JsonNode.DeepEquals(deadlinesFromTheServer, deadlines));
        Assert.Contains("open-skies", (await SeededAsync("deadlines", "--from", "2019-01-01", "--to", "2026-12-31")).Output);
    }

    [Fact]
    public async Task record_records_one_event_and_reports_what_the_server_refuses()
    {
        var recorded = await SeededAsync("record", "new-start", "statement", "--on", "2026-03-01", "--by", "Russia", "--summary", "Recorded from the command line",
            "--source-title", "A source", "--source-url", "https://example.org/statement");
        Assert.Equal(0, recorded.ExitCode);
        Assert.Contains("Recorded statement for new-start", recorded.Output);

        var refused = await SeededAsync("record", "inf", "ratified", "--on", "2019-01-01", "--party", "France");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("'France' is not a signatory or party", refused.Output);
    }

    [Fact]
    public async Task record_without_a_key_is_refused_and_says_how_to_pass_one()
    {
        var refused = await TreatyWithoutKeyAsync(servers.Seeded, "record", "new-start", "statement", "--on", "2026-03-02", "--by", "Russia");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(401)", refused.Output);
        Assert.Contains("--api-key", refused.Output);
        var json = await SeededAsync("history", "new-start", "--json");
        Assert.DoesNotContain("2026-03-02", json.Output);
    }

    [Theory]
    [InlineData("record", "inf", "statement")]
    [InlineData("status", "--as-of", "2019-13-01")]
    [InlineData("diff", "inf", "--from", "2019-01-01")]
    [InlineData("export", "--format", "xml", "--out", "x.xml")]
    [InlineData("import", "no-such-file.csv")]
    [InlineData("frobnicate")]
    [InlineData("status", "--no-such-option")]
    public async Task bad_usage_exits_2(params string[] args)
    {
        var run = await SeededAsync(args);

        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("history")]
    [InlineData("diff")]
    [InlineData("allegations")]
    [InlineData("deadlines")]
    [InlineData("record")]
    [InlineData("export")]
    [InlineData("import")]
    [InlineData("state")]
    [InlineData("during")]
    [InlineData("news")]
    public async Task every_command_has_help(string command)
    {
        var run = await SeededAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--server", run.Output);
    }

    [Fact]
    public async Task an_unreachable_server_is_a_clear_message_and_exit_1()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer) });

        var exit = await TreatyCli.RunAsync(["status", "--server", "http://127.0.0.1:9"], console);

        Assert.Equal(1, exit);
        Assert.Contains("Cannot reach the TreatyTracker server at http://127.0.0.1:9/", writer.ToString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task export_then_import_into_an_empty_server_then_export_again_gives_the_same_file(string format)
    {
        var directory = Directory.CreateTempSubdirectory("treaty-export-").FullName;
        var first = Path.Combine(directory, $"first.{format}");
        var second = Path.Combine(directory, $"second.{format}");

        Assert.Equal(0, (await SeededAsync("export", "--treaty", format == "json" ? "inf" : "open-skies", "--format", format, "--out", first)).ExitCode);
        var imported = await TreatyAsync(servers.Empty, "import", first);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Equal(0, (await TreatyAsync(servers.Empty, "export", "--treaty", format == "json" ? "inf" : "open-skies", "--format", format, "--out", second)).ExitCode);

        Assert.Equal(await File.ReadAllTextAsync(first, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(second, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task an_import_with_bad_rows_names_every_line_and_imports_nothing()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("treaty-import-").FullName, "bad.csv");
        await File.WriteAllTextAsync(file, """
            treaty,type,on,parties,name,shortName,kind,withdrawalNoticePeriod
            bad,treaty-registered,,,Bad treaty,Bad,bilateral,P6M
            bad,signed,2001-01-01,A;B,,,,
            bad,entered-into-force,2000-01-01,,,,,
            bad,ratified,2001-02-30,,,,,
            """, TestContext.Current.CancellationToken);

        var run = await TreatyAsync(servers.Empty, "import", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rejected row(s)", run.Output);
        Assert.Matches(@"│\s*4\s*│", run.Output);
        Assert.Matches(@"│\s*5\s*│", run.Output);
        Assert.Equal(1, (await TreatyAsync(servers.Empty, "status", "bad")).ExitCode);
    }
}
