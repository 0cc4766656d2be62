using System.Text.Json.Nodes;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Cli;

/// <summary>`treaty state`, `treaty during` and `treaty news`, run in-process against a real seeded server: the same answers as the API.</summary>
public class the_analyst_s_commands(RunningServer server) : IClassFixture<RunningServer>
{
    private Task<CliRun> TreatyAsync(params string[] args) => Treaty.RunAsync(server.Address, 200, args);

    private async Task<JsonNode> ApiAsync(string url) =>
        JsonNode.Parse(await server.Client.GetStringAsync(url, TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task state_answers_as_the_api_does_and_prints_each_treaty_of_the_state()
    {
        var json = await TreatyAsync("state", "Russia", "--as-of", "2023-03-01", "--json");
        var table = await TreatyAsync("state", "Russia", "--as-of", "2023-03-01");

        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        var fromTheApi = await ApiAsync("/api/states/Russia?asOf=2023-03-01");
        Assert.True(JsonNode.DeepEquals(fromTheApi, JsonNode.Parse(json.Output)));
        foreach (var treaty in fromTheApi["treaties"]!.AsArray())
            Assert.Contains(treaty!["shortName"]!.GetValue<string>(), table.Output);
        Assert.Matches(@"New START .*suspended .*2023-02-28", table.Output);
    }

    [Fact]
    public async Task during_lists_the_intervals_the_api_finds()
    {
        var run = await TreatyAsync("during", "--from", "2019-01-01", "--to", "2024-01-01", "--status", "suspended", "--json");

        Assert.Equal(0, run.ExitCode);
        var fromTheApi = await ApiAsync("/api/status/during?from=2019-01-01&to=2024-01-01&status=suspended");
        Assert.NotEmpty(fromTheApi["intervals"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(fromTheApi, JsonNode.Parse(run.Output)));
        Assert.Contains("New START", (await TreatyAsync("during", "--from", "2019-01-01", "--to", "2024-01-01", "--status", "suspended")).Output);
    }

    [Fact]
    public async Task during_says_when_nothing_held_a_status_in_the_period()
    {
        var run = await TreatyAsync("during", "--from", "1900-01-01", "--to", "1900-01-02");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nothing held any status in [1900-01-01, 1900-01-02).", run.Output);
    }

    [Fact]
    public async Task news_takes_a_date_for_its_midnight_and_says_when_nothing_is_new()
    {
        var all = await TreatyAsync("news", "--since", "2000-01-01", "--json");
        var nothing = await TreatyAsync("news", "--since", "2999-01-01");

        Assert.Equal(0, all.ExitCode);
        Assert.True(JsonNode.DeepEquals(await ApiAsync("/api/record?since=2000-01-01T00:00:00Z"), JsonNode.Parse(all.Output)));
        Assert.NotEmpty(JsonNode.Parse(all.Output)!["entries"]!.AsArray());
        Assert.Contains("Nothing was recorded after", nothing.Output);
    }

    [Theory]
    [InlineData("news")]
    [InlineData("news", "--since", "last week")]
    [InlineData("during", "--from", "2019-01-01")]
    [InlineData("state")]
    public async Task bad_usage_exits_2(params string[] args) => Assert.Equal(2, (await TreatyAsync(args)).ExitCode);

    [Fact]
    public async Task a_state_the_record_does_not_know_is_a_clear_message_and_exit_1()
    {
        var run = await TreatyAsync("state", "Atlantis");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No treaty names 'Atlantis'", run.Output);
    }
}
